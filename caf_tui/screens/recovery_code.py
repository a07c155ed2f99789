"""MOT DE PASSE OUBLIÉ, the code: sent to the contact on file, if the identifier has an account."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static

from caf_tui import help_texts
from caf_tui.api import ErrorCode, RecoveryCodeStep, StepName
from caf_tui.backend.errors import BackendError, FlowExpired
from caf_tui.i18n import _
from caf_tui.screens.code_entry import checked_code
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps import recovery, words
from caf_tui.widgets.countdown import Countdown
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


@step_screen(StepName.RECOVERY_CODE)
class RecoveryCodeScreen(JourneyStepScreen[RecoveryCodeStep]):
    AUTO_FOCUS = "#code"

    def compose(self) -> ComposeResult:
        step = self.step
        yield StepHeader(self.step_title())
        with VerticalScroll(classes="body"):
            yield Static(
                _(recovery.CODE_SENT),
                id="sent-to",
            )
            yield Label(_(words.CODE))
            yield HelpedInput(
                id="code",
                restrict=r"[0-9]*",
                max_length=step.code_length,
                placeholder=_(words.N_DIGITS).format(n=step.code_length),
                help_text=help_texts.code_not_received_help(),
            )
            yield FieldError(id="error-code")
            yield Countdown(step.expires_at, self.caf.journey.server_now, id="code-countdown")
            if self.caf.backend.has_demo_outbox:
                yield Button(_(words.OUTBOX), id="outbox", variant="warning")
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.verify()
        elif event.button.id == "outbox":
            from caf_tui.screens.demo_outbox import DemoOutboxScreen

            self.app.push_screen(DemoOutboxScreen())

    @on(Input.Submitted, "#code")
    def verify(self) -> None:
        self.clear_errors()
        code = checked_code(self, self.step.code_length)
        if code is not None:
            self.submit(lambda backend: backend.recovery_verify_code(code))

    def show_error(self, error: BackendError) -> None:
        if error.field == "code":
            field = self.query_one("#code", Input)
            field.focus()
            field.select_all()
        if error.code is ErrorCode.OTP_EXPIRED:
            self.query_one("#code-countdown", Countdown).expire_now()
        if isinstance(error, FlowExpired):
            self.query_one("#code").disabled = True
        super().show_error(error)
