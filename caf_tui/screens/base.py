"""What every journey screen shares: running a backend call without freezing, showing its
errors next to the field they concern, « Quitter » with confirmation, and F1 help."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, cast

from textual import events
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Button, Input

from caf_tui.api import JourneyResponse
from caf_tui.backend.base import Backend
from caf_tui.backend.errors import BackendError, BackendUnavailable, NotAuthenticated
from caf_tui.i18n import _
from caf_tui.widgets.messages import FieldError, StatusLine

if TYPE_CHECKING:
    from caf_tui.app import CafApp

S = TypeVar("S")

StepCall = Callable[[Backend], Awaitable[JourneyResponse]]


class CafScreen(Screen[None]):
    """A screen of the app, with access to the app's journey and the waiting/error plumbing.

    Textual calls the ``on_*`` handlers of every class in the MRO: subclasses define their own
    ``on_button_pressed`` without calling ``super()``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", _("Aide"), show=True),
    ]
    #: Help shown with F1 when the focused widget has none of its own.
    HELP: ClassVar[str] = ""

    @property
    def caf(self) -> CafApp:
        return cast("CafApp", self.app)

    def action_help(self) -> None:
        from caf_tui.screens.help import HelpScreen

        focused = self.focused
        text = getattr(focused, "help_text", "") if focused is not None else ""
        self.app.push_screen(HelpScreen(text or self.HELP or _("Aucune aide pour cet écran.")))

    # --- errors -----------------------------------------------------------------------------

    def field_error(self, field: str | None) -> FieldError | None:
        try:
            return self.query_one(f"#error-{field or 'form'}", FieldError)
        except NoMatches:
            return None

    def show_error(self, error: BackendError) -> None:
        """Show the error beside its field, or at the top of the form."""
        target = self.field_error(error.field) or self.field_error(None)
        if target is not None:
            target.show(error.message)
        else:
            self.notify(error.message, severity="error", timeout=10)
        self._show_retry(isinstance(error, BackendUnavailable))

    def clear_errors(self) -> None:
        for widget in self.query(FieldError):
            widget.clear()
        self._show_retry(False)

    def _show_retry(self, visible: bool) -> None:
        with contextlib.suppress(NoMatches):
            self.query_one("#retry", Button).display = visible

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Snapshot tests and some screen readers want a steady cursor.
        if isinstance(event.widget, Input) and not self.caf.settings.cursor_blink:
            event.widget.cursor_blink = False

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id:
            error = self.field_error(event.input.id)
            if error is not None:
                error.clear()

    # --- backend calls ----------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """Say in words that a request is under way, and keep the form from being sent twice."""
        for button in self.query(".submit").results(Button):
            button.disabled = busy
        try:
            status = self.query_one(StatusLine)
        except NoMatches:
            return
        status.say(_("Envoi en cours, veuillez patienter…") if busy else "")

    def run_backend(self, call: Callable[[], Awaitable[None]]) -> None:
        """Run ``call`` in a worker: waiting state at once, errors shown, fields kept."""
        self._last_call = call
        self.run_worker(self._run(call), exclusive=True, group="backend")

    async def _run(self, call: Callable[[], Awaitable[None]]) -> None:
        self.clear_errors()
        self.set_busy(True)
        try:
            await call()
        except NotAuthenticated as error:
            await self.caf.session_lost(error.message)
        except BackendError as error:
            self.show_error(error)
        finally:
            if self.is_attached:
                self.set_busy(False)

    def retry(self) -> None:
        call = getattr(self, "_last_call", None)
        if call is not None:
            self.run_backend(call)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            event.stop()
            self.retry()


class StepScreen(CafScreen, Generic[S]):
    """The view of one server-directed step. ``step`` holds the data the server sent."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CafScreen.BINDINGS,
        Binding("escape", "quit_journey", _("Quitter"), show=True, key_display="Échap"),
    ]

    #: False on screens with nothing to quit (the login): hides « Quitter ».
    CAN_QUIT: ClassVar[bool] = True

    def __init__(self, step: S) -> None:
        super().__init__()
        self.step = step

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit_journey":
            return self.CAN_QUIT
        return True

    def submit(self, call: StepCall) -> None:
        """Send this step's answer; the server's ``next`` decides the following screen."""

        async def send() -> None:
            next_step = await self.caf.journey.submit(call)
            await self.caf.show_step(next_step)

        self.run_backend(send)

    def action_quit_journey(self) -> None:
        from caf_tui.screens.confirm_quit import ConfirmQuitScreen

        def decided(quit_now: bool | None) -> None:
            if quit_now:
                self.run_backend(self.caf.quit_journey)

        self.app.push_screen(ConfirmQuitScreen(), decided)
