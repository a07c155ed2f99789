"""Requests and responses of ``/api/v1``. The client and the stub both use these."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_serializer

from caf_tui.api.declarations import BenefitReceipt, DeclarationReceipt

# Re-exported: the names were defined here before they needed to be pydantic-free.
from caf_tui.api.names import Role as Role
from caf_tui.api.names import Section as Section
from caf_tui.api.names import SpouseDecision as SpouseDecision
from caf_tui.api.next_step import NextStep
from caf_tui.api.steps import Channel, IdentifierKind


class _SecretsOnTheWire(BaseModel):
    """Secrets stay hidden in repr and logs; only the JSON sent on the wire reveals them."""

    @field_serializer("*", when_used="json")
    def _reveal(self, value: object) -> object:
        return value.get_secret_value() if isinstance(value, SecretStr) else value


class LoginRequest(_SecretsOnTheWire):
    identifier_kind: IdentifierKind = IdentifierKind.NIR
    identifier: str = Field(max_length=64, description="13 or 15 digits, or T + 8 digits.")
    password: SecretStr = Field(max_length=128)


class SessionInfo(BaseModel):
    token: str = Field(description="Bearer token, at least 128 bits from the server's CSPRNG.")
    expires_at: datetime = Field(description="Absolute end of the session (12 hours).")
    idle_timeout_seconds: int


class JourneyResponse(BaseModel):
    next: NextStep
    server_time: datetime = Field(
        description="The server's clock, so the client can count down against it."
    )


class AuthResponse(JourneyResponse):
    session: SessionInfo


class AcceptTermsRequest(BaseModel):
    version: str = Field(max_length=32)
    accepted: bool


class ChoosePasswordRequest(_SecretsOnTheWire):
    password: SecretStr = Field(max_length=128)
    confirmation: SecretStr = Field(max_length=128)


class ConfirmContactRequest(BaseModel):
    channel: Channel


class UpdateContactRequest(BaseModel):
    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=254)


class VerifyCodeRequest(_SecretsOnTheWire):
    code: SecretStr = Field(max_length=16)


class SpouseAuthorisationRequest(BaseModel):
    decision: SpouseDecision


class SectionAccess(BaseModel):
    section: Section
    allowed: bool


class Payment(BaseModel):
    paid_on: date
    label: str
    amount_cents: int


class Person(BaseModel):
    family_name: str
    given_names: str


class DashboardResponse(BaseModel):
    person: Person
    role: Role
    numero_allocataire: str | None
    address: str | None
    sections: list[SectionAccess]
    payments: list[Payment] = Field(description="Empty unless the role may consult payments.")
    declarations: list[DeclarationReceipt] = Field(
        default_factory=list,
        description="« Dernières déclarations » of the file, newest first: empty unless the "
        "role may declare changes.",
    )
    benefit_requests: list[BenefitReceipt] = Field(
        default_factory=list,
        description="The file's latest benefit requests: empty unless the role may request one.",
    )


class OutboxMessage(BaseModel):
    """A message the stub "sent" (demo and QA only: served under ``/_stub``)."""

    id: int
    channel: Literal["sms", "email"]
    to: str
    subject: str | None
    body: str
    sent_at: datetime
