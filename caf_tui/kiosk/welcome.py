"""The kiosk's welcome: what the next person sees, with nothing of the last one."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.widgets import Static

from caf_tui.i18n import N_, _
from caf_tui.screens.base import CafScreen
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.step_header import StepHeader


class WelcomeScreen(CafScreen):
    CSS_PATH = stylesheet("kiosk")
    AUTO_FOCUS = "#begin"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "begin", words.START, show=True),
    ]
    HELP = N_(
        "Ce terminal est partagé. Quand vous avez terminé, choisissez « Terminer » : vos "
        "informations sont alors effacées de l'écran. Sans action de votre part pendant "
        "quelques minutes, elles sont effacées aussi, après un avertissement."
    )

    def compose(self) -> ComposeResult:
        yield StepHeader(_(words.WELCOME_TITLE))
        with Vertical(id="welcome"):
            yield Static(_("Bienvenue sur Caf · Mon Compte"), id="welcome-title")
            yield Static(
                _(words.SHARED_TERMINAL),
                id="welcome-note",
            )
            yield Static(_("Appuyez sur Entrée pour commencer"), id="welcome-prompt")
            with Center():
                yield Button(_(words.START), id="begin", variant="primary")
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "begin":
            event.stop()
            self.action_begin()

    def action_begin(self) -> None:
        begin = getattr(self.app, "begin_visit", None)
        if begin is not None:
            begin()
