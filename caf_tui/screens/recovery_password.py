"""MOT DE PASSE OUBLIÉ, the new password: the journey's checklist; or the 8-digit one again."""

from __future__ import annotations

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static

from caf_tui.api import StepName
from caf_tui.api.account_steps import RecoveryPasswordStep
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.screens.base import StepCall
from caf_tui.screens.new_password import refuse_failing_rules
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps import words
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.password_field import PasswordField
from caf_tui.widgets.rule_checklist import RuleChecklist
from caf_tui.widgets.step_header import StepHeader


@step_screen(StepName.RECOVERY_PASSWORD)
class RecoveryPasswordScreen(JourneyStepScreen[RecoveryPasswordStep]):
    AUTO_FOCUS = "#password"

    def compose(self) -> ComposeResult:
        policy = self.step.policy
        rules_text = _(words.RULES_SENTENCE).format(rules=" ; ".join(policy_lines(policy)))
        yield StepHeader(self.step_title())
        with VerticalScroll(classes="body"):
            yield Static(_(words.I_CHOOSE_NEW_PASSWORD))
            yield FieldError(id="error-form")
            yield Label(_(words.NEW_PASSWORD))
            yield PasswordField("password", help_text=rules_text)
            yield FieldError(id="error-password")
            yield Label(_(words.CONFIRMATION))
            yield PasswordField("confirmation", help_text=rules_text)
            yield FieldError(id="error-confirmation")
            yield RuleChecklist(policy, id="checklist")
            if self.step.legacy_resend_offered:
                yield Static(
                    _(words.LEGACY_PASSWORD_OFFER),
                    classes="section-title",
                )
                yield Button(_(words.RESEND_LEGACY_PASSWORD), id="legacy")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def values(self) -> tuple[str, str]:
        return self.query_one("#password", Input).value, self.query_one(
            "#confirmation", Input
        ).value

    def on_mount(self) -> None:
        # A watcher runs as the key changes the value: the checklist is repainted in the same
        # frame as the field (an Input.Changed arrives after the field's own frame).
        for name in ("password", "confirmation"):
            self.watch(self.query_one(f"#{name}", Input), "value", self.typed, init=False)

    def typed(self) -> None:
        self.query_one(RuleChecklist).update(*self.values())

    @on(Input.Submitted, "#password")
    def next_field(self) -> None:
        self.query_one("#confirmation", Input).focus()

    @on(Input.Submitted, "#confirmation")
    def submitted(self) -> None:
        self.validate_password()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.validate_password()
        elif event.button.id == "legacy":
            notice = _(words.LEGACY_PASSWORD_SENT)
            self.finish(lambda b: b.recovery_resend_legacy(), notice)

    def validate_password(self) -> None:
        self.clear_errors()
        password, confirmation = self.values()
        if refuse_failing_rules(self, password, confirmation, self.step.policy):
            return
        secret, again = SecretStr(password), SecretStr(confirmation)
        notice = _(words.PASSWORD_RESET_DONE)
        self.finish(lambda b: b.recovery_set_password(secret, again), notice)

    def finish(self, call: StepCall, notice: str) -> None:
        async def send() -> None:
            step = await self.caf.journey.submit(call)
            self.forget_inputs()
            self.caf.journey.recovered(notice)
            self.caf.go_to(step)

        self.run_backend(send)

    def forget_inputs(self) -> None:
        for field in self.query(Input):
            field.value = ""

    def on_unmount(self) -> None:
        self.forget_inputs()
