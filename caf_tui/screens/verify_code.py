"""The verification code: enter it before it expires, or ask for another one."""

from __future__ import annotations

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Static

from caf_tui.api import Channel, ErrorCode, StepName, VerifyCodeStep
from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.labels import code_sent_text, with_attempts_left
from caf_tui.screens.base import StepCall
from caf_tui.screens.code_entry import CodeEntryScreen
from caf_tui.screens.registry import step_screen
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.code_not_received import CodeNotReceived
from caf_tui.widgets.countdown import Countdown
from caf_tui.widgets.messages import FieldError

CODE_ERRORS = {ErrorCode.OTP_INVALID, ErrorCode.OTP_EXPIRED, ErrorCode.OTP_ATTEMPTS_EXCEEDED}
RESEND_ERRORS = {ErrorCode.OTP_RESEND_TOO_SOON, ErrorCode.OTP_SEND_LIMIT}


@step_screen(StepName.VERIFY_CODE)
class VerifyCodeScreen(CodeEntryScreen[VerifyCodeStep]):
    CSS_PATH = stylesheet("verify_code")

    def above_code(self) -> ComposeResult:
        step = self.step
        yield Static(_(words.ALL_REQUIRED))
        yield Static(
            code_sent_text(step, unbreakable_number=True) + " " + _("Merci de le saisir"),
            markup=False,
            id="sent-to",
        )
        yield Label(
            _("Code de vérification reçu par SMS")
            if step.channel is Channel.SMS
            else _("Code de vérification reçu par e-mail")
        )

    def below_countdown(self) -> ComposeResult:
        yield Static("", id="expired-note")
        yield CodeNotReceived(self.step.resend_available_at, self.caf.journey.server_now)

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
            case "resend":
                self.resend()
            case "change-contact":
                self.submit(lambda backend: backend.change_contact())

    def verify_call(self, code: SecretStr) -> StepCall:
        return lambda backend: backend.verify_code(code)

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
        self.note_refusal(error, of_the_code=error.code in CODE_ERRORS)
        if error.code in CODE_ERRORS:
            self.query_one("#error-code", FieldError).show(message)
        elif error.code in RESEND_ERRORS:
            self.query_one("#error-resend", FieldError).show(message)
        else:
            super().show_error(error)
