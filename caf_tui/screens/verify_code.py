"""The verification code: enter it before it expires, or ask for another one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static

from caf_tui import help_texts
from caf_tui.api import Channel, ErrorCode, StepName, VerifyCodeStep
from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.labels import code_sent_text, with_attempts_left
from caf_tui.screens.code_entry import checked_code
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.code_not_received import CodeNotReceived
from caf_tui.widgets.countdown import Countdown
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader

CODE_ERRORS = {ErrorCode.OTP_INVALID, ErrorCode.OTP_EXPIRED, ErrorCode.OTP_ATTEMPTS_EXCEEDED}
RESEND_ERRORS = {ErrorCode.OTP_RESEND_TOO_SOON, ErrorCode.OTP_SEND_LIMIT}


@step_screen(StepName.VERIFY_CODE)
class VerifyCodeScreen(JourneyStepScreen[VerifyCodeStep]):
    CSS_PATH = stylesheet("verify_code")
    AUTO_FOCUS = "#code"

    def compose(self) -> ComposeResult:
        step, now = self.step, self.caf.journey.server_now
        by_sms = step.channel is Channel.SMS
        yield StepHeader(self.step_title(), step.progress)
        with VerticalScroll(classes="body"):
            yield Static(_(words.ALL_REQUIRED))
            yield Static(
                code_sent_text(step, unbreakable_number=True) + " " + _("Merci de le saisir"),
                markup=False,
                id="sent-to",
            )
            yield Label(
                _("Code de vérification reçu par SMS")
                if by_sms
                else _("Code de vérification reçu par e-mail")
            )
            yield HelpedInput(
                id="code",
                restrict=r"[0-9]*",
                max_length=step.code_length,
                placeholder=_(words.N_DIGITS).format(n=step.code_length),
                help_text=help_texts.code_not_received_help(),
            )
            yield FieldError(id="error-code")
            yield Countdown(step.expires_at, now, id="code-countdown")
            yield Static("", id="expired-note")
            yield CodeNotReceived(step.resend_available_at, now)
            if self.caf.backend.has_demo_outbox:
                yield Button(_(words.OUTBOX), id="outbox", variant="warning")
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#expired-note").display = False

    @on(Countdown.Expired, "#code-countdown")
    def code_expired(self) -> None:
        note = self.query_one("#expired-note", Static)
        note.update(_("Le code a expiré : choisissez « Demander » ci-dessous pour en recevoir un."))
        note.display = True
        self.query_one("#resend").add_class("-attention")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "validate":
                self.verify()
            case "resend":
                self.resend()
            case "change-contact":
                self.submit(lambda backend: backend.change_contact())
            case "outbox":
                from caf_tui.screens.demo_outbox import DemoOutboxScreen

                self.app.push_screen(DemoOutboxScreen())

    @on(Input.Submitted, "#code")
    def verify(self) -> None:
        self.clear_errors()
        code = checked_code(self, self.step.code_length)
        if code is not None:
            self.submit(lambda backend: backend.verify_code(code))

    def resend(self) -> None:
        async def send() -> None:
            step = await self.caf.journey.submit(lambda backend: backend.resend_code())
            self.app.notify(_(words.NEW_CODE_SENT))
            self.caf.go_to(step)

        self.run_backend(send)

    def show_error(self, error: BackendError) -> None:
        """Code errors go under the code (selected, to be retyped), resend errors under
        « Demander »."""
        message = error.message
        left = error.detail.attempts_left
        message = with_attempts_left(message, error.code, left)
        if error.code is ErrorCode.OTP_EXPIRED:
            self.query_one("#code-countdown", Countdown).expire_now()
        if error.code in CODE_ERRORS:
            field = self.query_one("#code", Input)
            field.focus()
            field.select_all()  # the next digit typed replaces the refused code
            self.query_one("#error-code", FieldError).show(message)
        elif error.code in RESEND_ERRORS:
            self.query_one("#error-resend", FieldError).show(message)
        else:
            super().show_error(error)
