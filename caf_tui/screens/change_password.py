"""CHANGER MON MOT DE PASSE: the current one, then a new one with the journey's live checklist."""

from __future__ import annotations

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from caf_tui.api import PasswordPolicy
from caf_tui.i18n import N_, _
from caf_tui.screens.new_password import refuse_failing_rules
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.new_password import NewPasswordArea
from caf_tui.widgets.password_field import PasswordField


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
        yield Label(_(words.CURRENT_PASSWORD))
        yield PasswordField("current_password")
        yield FieldError(id="error-current_password")
        yield NewPasswordArea(self.policy)
        with Horizontal(classes="buttons"):
            yield Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")

    @on(Input.Submitted, "#current_password")
    def to_new_password(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#confirmation")
    @on(Button.Pressed, "#validate")
    def send(self) -> None:
        self.clear_errors()
        current = self.query_one("#current_password", Input).value
        password, confirmation = self.query_one(NewPasswordArea).values()
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
