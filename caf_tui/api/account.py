"""The « Mon Compte » sections once logged in: profile, payments, attestations, and the account
management (spouse authorisations, password, recent connections, log out everywhere).

Every section is checked by the server on every request: a role that may not see it gets
403 ``forbidden``, whatever the client shows.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field, SecretStr

from caf_tui.api.models import Payment, Person, Role, _SecretsOnTheWire
from caf_tui.api.steps import Channel, IdentifierKind, PasswordPolicy, SpouseRight


class ProfileResponse(BaseModel):
    """« Mon profil »: open to every member of the household who has an account."""

    person: Person
    role: Role
    identifier_kind: IdentifierKind
    identifier: str = Field(description="NIR or temporary identifier, grouped for display.")
    birth_date: date
    phone: str | None = Field(description="Grouped for display (06 15 00 00 00).")
    email: str | None
    numero_allocataire: str | None
    password_policy: PasswordPolicy = Field(description="What a new password must follow.")


class PaymentsResponse(BaseModel):
    """« Mes droits et paiements »: the file holder and an authorised spouse only."""

    numero_allocataire: str
    payments: list[Payment]


class Attestation(BaseModel):
    kind: str = Field(description="A stable id: quotient_familial, paiement, situation…")
    title: str
    description: str


class AttestationsResponse(BaseModel):
    """« Mes attestations »: what this role may download (the payment one needs file access)."""

    attestations: list[Attestation]


class SpouseAuthorisationState(BaseModel):
    spouse_name: str
    authorised: bool = Field(description="Whether the spouse holds at least one right.")
    rights: list[SpouseRight] = Field(
        description="The rights granted when authorised (one may be granted without the "
        "others); when not, the rights an authorisation would grant."
    )
    decided_at: datetime | None


class AuthorisationsResponse(BaseModel):
    """« Mes autorisations »: the file holder's spouse, if any, and whether they are authorised."""

    spouse: SpouseAuthorisationState | None


class UpdateAuthorisationsRequest(BaseModel):
    spouse_authorised: bool
    rights: list[SpouseRight] | None = Field(
        default=None,
        max_length=3,
        description="With spouse_authorised true, the rights granted one by one (absent: all "
        "three); the others are withdrawn.",
    )


class ChangePasswordRequest(_SecretsOnTheWire):
    current_password: SecretStr = Field(max_length=128)
    password: SecretStr = Field(max_length=128)
    confirmation: SecretStr = Field(max_length=128)


class Connection(BaseModel):
    started_at: datetime
    last_seen_at: datetime
    ended_at: datetime | None
    current: bool = Field(description="The session making this request.")


class ConnectionsResponse(BaseModel):
    """The account's most recent sessions, newest first."""

    connections: list[Connection]


class LogoutEverywhereResponse(BaseModel):
    ended: int = Field(description="How many sessions were ended, this one included.")


class ContactChangeRequest(_SecretsOnTheWire):
    """A new phone (``sms``) or e-mail (``email``): checked with a code sent to it first. The
    current password comes with it: a session left open is not enough to move the codes (and so
    the account) to someone else's phone."""

    channel: Channel
    value: str = Field(max_length=254)
    current_password: SecretStr = Field(max_length=128)


class ContactChangeStarted(BaseModel):
    channel: Channel
    destination: str = Field(description="The new phone or address, as shown to the person.")
    code_length: int = 6
    expires_at: datetime
    attempts_left: int


class ContactCodeRequest(_SecretsOnTheWire):
    code: SecretStr = Field(max_length=16)
