"""MOT DE PASSE OUBLIÉ, the code: sent to the contact on file, if the identifier has an account."""

from __future__ import annotations

from pydantic import SecretStr
from textual.app import ComposeResult
from textual.widgets import Label, Static

from caf_tui.api import RecoveryCodeStep, StepName
from caf_tui.backend.errors import BackendError, FlowExpired
from caf_tui.i18n import _
from caf_tui.screens.base import StepCall
from caf_tui.screens.code_entry import CodeEntryScreen
from caf_tui.screens.registry import step_screen
from caf_tui.steps import recovery, words


@step_screen(StepName.RECOVERY_CODE)
class RecoveryCodeScreen(CodeEntryScreen[RecoveryCodeStep]):
    SHOWS_PROGRESS = False

    def above_code(self) -> ComposeResult:
        yield Static(
            _(recovery.CODE_SENT),
            id="sent-to",
        )
        yield Label(_(words.CODE))

    def verify_call(self, code: SecretStr) -> StepCall:
        return lambda backend: backend.recovery_verify_code(code)

    def show_error(self, error: BackendError) -> None:
        self.note_refusal(error, of_the_code=error.field == "code")
        if isinstance(error, FlowExpired):
            self.query_one("#code").disabled = True
        super().show_error(error)
