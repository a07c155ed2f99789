"""MOT DE PASSE OUBLIÉ, the new password: the journey's checklist; or the 8-digit one again."""

from __future__ import annotations

from pydantic import SecretStr
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui.api import RecoveryPasswordStep, StepName
from caf_tui.i18n import _
from caf_tui.screens.base import StepCall
from caf_tui.screens.new_password import NewPasswordStepScreen
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import step_buttons
from caf_tui.steps import recovery, words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.new_password import NewPasswordArea
from caf_tui.widgets.step_header import StepHeader


@step_screen(StepName.RECOVERY_PASSWORD)
class RecoveryPasswordScreen(NewPasswordStepScreen[RecoveryPasswordStep]):
    AUTO_FOCUS = "#password"
    CSS_PATH = stylesheet("choose_password")  # the journey's compact form under 24 rows
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield StepHeader(self.step_title())
        with VerticalScroll(classes="body"):
            yield Static(_(recovery.CHOOSE_NEW_PASSWORD))
            yield FieldError(id="error-form")
            yield NewPasswordArea(self.step.policy)
            if self.step.legacy_resend_offered:
                yield Static(
                    _(words.LEGACY_PASSWORD_OFFER),
                    classes="section-title",
                )
                yield Button(_(recovery.RECOVERY_PASSWORD.action("legacy").label), id="legacy")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "legacy":
            notice = _(words.LEGACY_PASSWORD_SENT)
            self.finish(lambda b: b.recovery_resend_legacy(), notice)

    def send_password(self, password: SecretStr, confirmation: SecretStr) -> None:
        notice = _(words.PASSWORD_RESET_DONE)
        self.finish(lambda b: b.recovery_set_password(password, confirmation), notice)

    def finish(self, call: StepCall, notice: str) -> None:
        async def send() -> None:
            step = await self.caf.journey.submit(call)
            self.forget_inputs()
            self.caf.journey.recovered(notice)
            self.caf.go_to(step)

        self.run_backend(send)
