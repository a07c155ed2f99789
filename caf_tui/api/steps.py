"""The server-directed journey: every authentication or journey answer says what comes next.

A step is a model tagged by ``step``; the data it carries is what its screen needs. The union of
them all, ``NextStep``, is in ``caf_tui.api.next_step`` (with the recovery steps of
``caf_tui.api.recovery_steps``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Re-exported: the names were defined here before they needed to be pydantic-free.
from caf_tui.api.names import Channel as Channel
from caf_tui.api.names import IdentifierKind as IdentifierKind
from caf_tui.api.names import SpouseRight as SpouseRight
from caf_tui.api.names import StepName as StepName


class Progress(BaseModel):
    """Where the person is in a multi-step journey ("Étape 2/3")."""

    current: int = Field(ge=1)
    total: int = Field(ge=1)


class StepBase(BaseModel):
    """What every step model carries. The server always sends every field, so the published
    schema marks them all required (``step`` included: it is what tells the steps apart)."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)
    progress: Progress | None = None


class LoginStep(StepBase):
    step: Literal["login"] = "login"


class MigrationIntroStep(StepBase):
    step: Literal["migration_intro"] = "migration_intro"
    minutes_min: int = 5
    minutes_max: int = 10
    stages: list[StepName] = Field(
        default_factory=lambda: [
            StepName.ACCEPT_TERMS,
            StepName.CHOOSE_PASSWORD,
            StepName.CONFIRM_CONTACT,
        ]
    )


class TermsSection(BaseModel):
    heading: str | None = None
    paragraphs: list[str]


class AcceptTermsStep(StepBase):
    step: Literal["accept_terms"] = "accept_terms"
    version: str
    sections: list[TermsSection]


class PasswordPolicy(BaseModel):
    """The password rules, sent by the server so that the client's checklist follows them."""

    min_length: int = Field(default=8, ge=1, le=128)
    max_length: int = Field(default=24, ge=1, le=128)
    require_digit: bool = True
    require_lower: bool = True
    require_upper: bool = True
    letters_and_digits_only: bool = True


class ChoosePasswordStep(StepBase):
    step: Literal["choose_password"] = "choose_password"
    policy: PasswordPolicy


class ChannelOption(BaseModel):
    channel: Channel
    destination: str | None = Field(description="The phone or address as shown to the person.")
    validity_seconds: int


class ConfirmContactStep(StepBase):
    step: Literal["confirm_contact"] = "confirm_contact"
    phone: str | None = Field(description="Phone on file, grouped for display (06 15 00 00 00).")
    email: str | None
    options: list[ChannelOption]


class VerifyCodeStep(StepBase):
    step: Literal["verify_code"] = "verify_code"
    channel: Channel
    destination: str
    code_length: int = 6
    expires_at: datetime
    resend_available_at: datetime
    attempts_left: int
    sends_left: int


class AccountCreatedStep(StepBase):
    step: Literal["account_created"] = "account_created"
    identifier_kind: IdentifierKind
    identifier: str = Field(description="The identifier to use from now on, grouped for display.")


class SpouseAuthorisationStep(StepBase):
    step: Literal["spouse_authorisation"] = "spouse_authorisation"
    spouse_name: str
    rights: list[SpouseRight]


class DashboardStep(StepBase):
    step: Literal["dashboard"] = "dashboard"


class OtherStep(BaseModel):
    """A step this client does not know: shown as "not available yet". The client's own
    fallback (``caf_tui.api.next_step``): no ``next`` union of the published schema lists it."""

    model_config = {"extra": "allow"}
    step: str
