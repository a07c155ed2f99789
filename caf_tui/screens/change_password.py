"""CHANGER MON MOT DE PASSE: the current one, then a new one with the journey's live checklist."""

from __future__ import annotations

from pydantic import SecretStr
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from caf_tui.api import PasswordPolicy
from caf_tui.i18n import N_, _
from caf_tui.labels import policy_lines
from caf_tui.screens.new_password import refuse_failing_rules
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.password_field import PasswordField
from caf_tui.widgets.rule_checklist import RuleChecklist

FIELDS = ("current_password", "password", "confirmation")


class ChangePasswordScreen(SectionScreen):
    HEADING = words.CHANGE_PASSWORD_TITLE
    # The journey's new-password form: one-row fields under 24 rows, so that the field being
    # typed and the six rules are in view together.
    CSS_PATH = stylesheet("choose_password")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012
    AUTO_FOCUS = "#current_password"
    HELP = N_(
        "Saisissez d'abord votre mot de passe actuel, puis le nouveau deux fois. La liste "
        "« Votre mot de passe comporte » se met à jour à chaque touche. Vos autres sessions "
        "seront terminées."
    )

    def __init__(self, policy: PasswordPolicy) -> None:
        super().__init__()
        self.policy = policy

    def compose_form(self) -> ComposeResult:
        rules_text = _(words.RULES_SENTENCE).format(rules=" ; ".join(policy_lines(self.policy)))
        yield Label(_(words.CURRENT_PASSWORD))
        yield PasswordField("current_password")
        yield FieldError(id="error-current_password")
        with Vertical(id="password-area"):
            yield Label(_(words.NEW_PASSWORD))
            yield PasswordField("password", help_text=rules_text)
            yield FieldError(id="error-password")
            yield Label(_(words.CONFIRMATION))
            yield PasswordField("confirmation", help_text=rules_text)
            yield FieldError(id="error-confirmation")
            yield RuleChecklist(self.policy, id="checklist")
        with Horizontal(classes="buttons"):
            yield Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#retry").display = False

    @on(events.DescendantFocus, "#password, #confirmation")
    def show_fields_and_checklist(self) -> None:
        self.query_one("#password-area").scroll_visible(top=True, animate=False)

    def values(self) -> tuple[str, str, str]:
        current, password, confirmation = (self.query_one(f"#{n}", Input).value for n in FIELDS)
        return current, password, confirmation

    @on(Input.Changed, "#password, #confirmation")
    def typed(self) -> None:
        self.query_one(RuleChecklist).update(*self.values()[1:])

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        index = FIELDS.index(event.input.id or "confirmation")
        if index < len(FIELDS) - 1:
            self.query_one(f"#{FIELDS[index + 1]}", Input).focus()
        else:
            self.send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.send()

    def send(self) -> None:
        self.clear_errors()
        current, password, confirmation = self.values()
        if not current:
            self.query_one("#error-current_password", FieldError).show(
                _(words.TYPE_CURRENT_PASSWORD)
            )
            self.query_one("#current_password", Input).focus()
            return
        if refuse_failing_rules(self, password, confirmation, self.policy):
            return
        secrets = SecretStr(current), SecretStr(password), SecretStr(confirmation)

        async def call() -> None:
            await self.caf.backend.change_password(*secrets)
            self.forget_inputs()
            self.app.notify(_(words.PASSWORD_CHANGED), timeout=8)
            self.dismiss()

        self.run_backend(call)

    def forget_inputs(self) -> None:
        for field in self.query(Input):
            field.value = ""

    def on_unmount(self) -> None:
        self.forget_inputs()
