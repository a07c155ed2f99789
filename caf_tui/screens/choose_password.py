"""CHOISIR SON MOT DE PASSE: the rules from the server's policy, a live checklist, « Valider »."""

from __future__ import annotations

from pydantic import SecretStr
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui.api import ChoosePasswordStep, StepName
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.screens.new_password import NewPasswordStepScreen
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import step_buttons
from caf_tui.steps import migration, words
from caf_tui.styles import stylesheet
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.new_password import NewPasswordArea
from caf_tui.widgets.step_header import StepHeader


@step_screen(StepName.CHOOSE_PASSWORD)
class ChoosePasswordScreen(NewPasswordStepScreen[ChoosePasswordStep]):
    CSS_PATH = stylesheet("choose_password")
    AUTO_FOCUS = "#password"
    # Textual declares it a list; side by side from 100 columns, one under the other below.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    # Under 24 rows the fields are one row tall (see choose_password.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        policy = self.step.policy
        yield StepHeader(self.step_title(), self.step.progress)
        with VerticalScroll(classes="body"):
            yield Static(_(migration.FIRST_LOGIN_PASSWORD))
            yield Static(
                _(words.RULES_INTRO),
                id="policy-intro",
            )
            for text in policy_lines(policy):
                yield Bullet(text)
            yield FieldError(id="error-form")
            yield NewPasswordArea(policy, beside=True)
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def send_password(self, password: SecretStr, confirmation: SecretStr) -> None:
        async def send() -> None:
            step = await self.caf.journey.submit(
                lambda b: b.choose_password(password, confirmation)
            )
            self.forget_inputs()
            self.caf.go_to(step)

        self.run_backend(send)
