"""What every journey screen shares: running a backend call without freezing, showing its
errors next to the field they concern, « Quitter » with confirmation, and F1 / ? help."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, cast

from textual import events, on
from textual.binding import ActiveBinding, Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from caf_tui import rules
from caf_tui.backend.errors import BackendError, BackendUnavailable, NotAuthenticated
from caf_tui.backend.retry import action_key, new_key
from caf_tui.i18n import N_, _
from caf_tui.screens.frames import ShownAtCost
from caf_tui.steps import spec_for, words
from caf_tui.steps.spec import StepSpec
from caf_tui.steps.words import QUIT_JOURNEY
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError, StatusLine

if TYPE_CHECKING:
    from caf_tui.api import JourneyResponse
    from caf_tui.app import CafApp
    from caf_tui.backend.base import Backend

S = TypeVar("S")

StepCall = Callable[["Backend"], Awaitable["JourneyResponse"]]


class CafScreen(ShownAtCost, Screen[None]):
    """A screen of the app, with access to the app's journey and the waiting/error plumbing.

    Textual calls the ``on_*`` handlers of every class in the MRO: subclasses define their own
    ``on_button_pressed`` without calling ``super()``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", words.HELP, show=True),
        # « ? » only where it cannot be typed: see check_action.
        Binding("question_mark", "help_key", words.HELP, show=False),
    ]
    #: Help shown with F1 when the focused widget has none of its own (marked with ``N_``,
    #: translated when shown; override ``screen_help`` for help built at run time).
    HELP: ClassVar[str] = ""

    @property
    def caf(self) -> CafApp:
        return cast("CafApp", self.app)

    def screen_help(self) -> str:
        return _(self.HELP) if self.HELP else ""

    def action_help(self) -> None:
        from caf_tui.screens.help import HelpScreen

        focused = self.focused
        text = getattr(focused, "help_text", "") if focused is not None else ""
        self.app.push_screen(
            HelpScreen(text or self.screen_help() or _("Aucune aide pour cet écran."))
        )

    def action_help_key(self) -> None:
        self.action_help()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help_key":
            # In a text field « ? » is a character like any other.
            return not isinstance(self.focused, Input)
        return True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows, in the language chosen (descriptions are written in
        French at import time)."""
        return {
            key: active._replace(
                binding=replace(
                    active.binding,
                    description=active.binding.description and _(active.binding.description),
                    key_display=active.binding.key_display and _(active.binding.key_display),
                )
            )
            for key, active in super().active_bindings.items()
        }

    # --- errors -----------------------------------------------------------------------------

    def checked_input(self, field_id: str, normalise: Callable[[str], str]) -> str | None:
        """What ``#field_id`` holds, normalised; None when a rule refuses it, its message then
        under the field and the focus in it (what was typed stays), so that nothing is sent."""
        field = self.query_one(f"#{field_id}", Input)
        try:
            return normalise(field.value)
        except rules.RuleError as error:
            self.query_one(f"#error-{field_id}", FieldError).show(error.message)
            field.focus()
            return None

    def field_error(self, field: str | None) -> FieldError | None:
        try:
            return self.query_one(f"#error-{field or 'form'}", FieldError)
        except NoMatches:
            return None

    def error_shown_in(self, error: BackendError) -> FieldError | None:
        """Where ``show_error`` says ``error``: beside its field, or at the top of the form."""
        return self.field_error(error.field) or self.field_error(None)

    def show_error(self, error: BackendError) -> None:
        """Show the error beside its field, or at the top of the form."""
        target = self.error_shown_in(error)
        if target is not None:
            target.show(error.message)
        else:
            self.notify(error.message, severity="error", timeout=10)
        self._show_retry(isinstance(error, BackendUnavailable))

    def point_at(self, field: Widget, error: Widget | None = None) -> None:
        """Focus ``field`` and, once its error is laid out, scroll both into view at once: no
        animation, so the form does not drift under a magnifier (or a snapshot)."""
        field.focus(scroll_visible=False)
        if error is not None:
            # Asked now, not when the error handles its next message: the screen's callbacks
            # then wait for the layout that places a newly shown error (and moves what is
            # under it), and the scroll is worked out from where things are.
            self.refresh(layout=True)

        def reveal() -> None:
            if error is not None and error.display:
                error.scroll_visible(animate=False, immediate=True)
            field.scroll_visible(animate=False, immediate=True)

        self.call_after_refresh(reveal)

    def clear_errors(self) -> None:
        for widget in self.query(FieldError):
            widget.clear()
        self._show_retry(False)
        self._note_error(None)

    def _note_error(self, code: str | None) -> None:
        """Assisted mode: the staff bar names the error shown (« E-OTP-EXPIRED »)."""
        if not self.caf.settings.assist:  # no bar: its module is not even imported
            return
        from caf_tui.widgets.assist_bar import AssistBar

        for bar in self.query(AssistBar).results(AssistBar):
            bar.error_code = code

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
        status.say(_(words.SENDING) if busy else "")

    def run_backend(self, call: Callable[[], Awaitable[None]], *, key: str | None = None) -> None:
        """Run ``call`` in a worker: waiting state at once, errors shown, fields kept.

        ``call`` is one action of the person: its requests share one idempotency key, and
        « Réessayer » sends them again under the same key (the server then acts only once).
        """
        self._last_call = call
        self._last_key = key or new_key()
        self.run_worker(self._run(call, self._last_key), exclusive=True, group="backend")

    async def _run(self, call: Callable[[], Awaitable[None]], key: str) -> None:
        self.clear_errors()
        self.set_busy(True)
        try:
            with action_key(key):
                await call()
        except NotAuthenticated as error:
            self.caf.session_lost(error.message)
        except BackendError as error:
            self.show_error(error)
            self._note_error(error.code)
        finally:
            # A screen the answer replaces stays busy until it goes: ready again, it would
            # take a second press, and be restyled and laid out for nothing.
            if self.is_attached and not self.caf.screens_replaced_soon:
                self.set_busy(False)

    def retry(self) -> None:
        call = getattr(self, "_last_call", None)
        if call is not None:
            self.run_backend(call, key=getattr(self, "_last_key", None))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            event.stop()
            self.retry()


class StepScreen(CafScreen, Generic[S]):
    """The view of one server-directed step. ``step`` holds the data the server sent."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CafScreen.BINDINGS,
        Binding("escape", "quit_journey", words.QUIT, show=True),
        Binding("f2", "handover", N_("Remise de l'écran"), show=True),
    ]

    #: False on screens with nothing to quit (the login): hides « Quitter ».
    CAN_QUIT: ClassVar[bool] = True

    def __init__(self, step: S) -> None:
        super().__init__()
        self.step = step

    @property
    def spec(self) -> StepSpec | None:
        """The description of this screen's step (``caf_tui.steps``)."""
        return spec_for(str(getattr(self.step, "step", "")))

    def step_title(self) -> str:
        """The step's title, translated."""
        spec = self.spec
        return _(spec.title) if spec is not None else ""

    def screen_help(self) -> str:
        spec = self.spec
        if not self.HELP and spec is not None:
            return _(spec.help)
        return super().screen_help()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit_journey":
            return self.CAN_QUIT
        if action == "handover":  # assisted mode only
            return self.caf.settings.assist
        return super().check_action(action, parameters)

    @on(events.Mount)
    def _mount_assist_bar(self) -> None:
        """Assisted mode: the staff note and the step's stable name under the header."""
        if self.caf.settings.assist:
            from caf_tui.widgets.assist_bar import AssistBar

            name = getattr(self.step, "step", type(self).__name__)
            AssistBar.attach(self, str(name), getattr(self.step, "progress", None))

    def action_handover(self) -> None:
        """F2: hide every password and code field before staff turn the screen (again: show)."""
        from caf_tui.widgets.assist_bar import toggle_handover

        toggle_handover(self)

    def submit(self, call: StepCall) -> None:
        """Send this step's answer; the server's ``next`` decides the following screen."""

        async def send() -> None:
            next_step = await self.caf.journey.submit(call)
            self.caf.go_to(next_step)

        self.run_backend(send)

    def action_quit_journey(self) -> None:
        from caf_tui.screens.confirm_quit import ConfirmQuitScreen

        def decided(quit_now: bool | None) -> None:
            if quit_now:
                self.run_backend(self.caf.quit_journey)

        self.app.push_screen(ConfirmQuitScreen(self.quit_question()), decided)

    def quit_question(self) -> str:
        """What « Quitter » asks first: what is kept, or lost."""
        spec = self.spec
        return _(spec.quit_question if spec is not None and spec.quit_question else QUIT_JOURNEY)
