"""Steps of the ways in other than the login: « Mot de passe oublié ? » (before any session).

Part of the ``NextStep`` union (``caf_tui.api.next_step``); import them from ``caf_tui.api``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from caf_tui.api.steps import PasswordPolicy, StepBase


class RecoveryCodeStep(StepBase):
    """The code sent to the contact on file. The same for every identifier, known or not:
    no destination is shown, so the answer reveals nothing."""

    step: Literal["recovery_code"] = "recovery_code"
    code_length: int = 6
    expires_at: datetime
    attempts_left: int


class RecoveryPasswordStep(StepBase):
    """The new password, once the code proved who is asking."""

    step: Literal["recovery_password"] = "recovery_password"
    policy: PasswordPolicy
    legacy_resend_offered: bool = Field(
        description="The account still has its 8-digit password: « le renvoi de votre mot de "
        "passe à 8 chiffres » is offered instead."
    )
