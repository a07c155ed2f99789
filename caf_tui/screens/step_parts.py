"""What the migration screens share: the bottom bar « Quitter » … « Continuer », and a main
button that stays disabled while a request runs or while the form is not ready."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.screens.base import StepScreen
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError, StatusLine

S = TypeVar("S")


def retry_button() -> Button:
    """« Réessayer », hidden until a network failure (``CafScreen.show_error`` shows it)."""
    retry = Button(_(words.RETRY), id="retry")
    retry.display = False
    return retry


def loading_lines() -> ComposeResult:
    """What a page filled from the server says above what it loads: that a request is under
    way, its error, « Réessayer »."""
    yield StatusLine()
    yield FieldError(id="error-form")
    yield retry_button()


def step_buttons(*right: Widget, left: Sequence[Widget] | None = None) -> Horizontal:
    """The bottom bar: ``left`` (by default « Quitter ») on the left, « Réessayer » (hidden
    until a network failure) and ``right`` on the right, as on the portal."""
    if left is None:
        left = [Button(_(words.QUIT), id="quit")]
    return Horizontal(
        *left, Static(classes="spacer"), retry_button(), *right, classes="buttons bottom-bar"
    )


class JourneyStepScreen(StepScreen[S]):
    """A step with a bottom bar from ``step_buttons``. Buttons of class ``submit`` are enabled
    only when no request runs and ``ready()`` says the form may be sent."""

    DEFAULT_CSS = """
    JourneyStepScreen .bottom-bar .spacer {
        width: 1fr;
        height: 1;
    }
    """
    busy = False

    def ready(self) -> bool:
        return True

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.busy = busy
        self.update_submit()

    def update_submit(self) -> None:
        """Enable the buttons that may send now; ``#ready-hint`` says in words what is missing."""
        ready = self.ready()
        for button in self.query(".submit").results(Button):
            button.disabled = self.busy or (not ready and not button.has_class("always"))
        for hint in self.query("#ready-hint"):
            hint.display = not ready

    def on_mount(self) -> None:
        self.update_submit()

    @on(Button.Pressed, "#quit")
    def quit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_quit_journey()
