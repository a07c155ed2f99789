"""FranceConnect: the portal (the relying party) signs the person in with an identity provider.

``POST /auth/franceconnect`` starts a sign-in and answers with a secret ``flow_id`` and the URL
to open in a browser; ``GET /auth/franceconnect/{flow_id}`` is polled until the sign-in is
``completed`` (an ``AuthResponse`` with its session), fails (the error shape, codes
``franceconnect_failed`` / ``franceconnect_no_match``) or expires (``flow_expired``).

The last models describe the JSON pages of the stub's *demo* FranceConnect provider (served
outside ``/api/v1``), which the terminal path reads instead of HTML.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from caf_tui.api.models import AuthResponse


class FranceConnectStart(BaseModel):
    flow_id: str = Field(
        description="Secret: whoever knows it receives the session. Never shown to the person."
    )
    authorize_url: str = Field(description="The provider's authorization request, in full.")
    browser_url: str = Field(
        description="A short link to open in a browser (or as a QR code); it leads to "
        "authorize_url."
    )
    expires_at: datetime = Field(description="The sign-in must be finished before this time.")
    poll_interval_seconds: int = Field(ge=1, description="Poll the flow at most this often.")
    server_time: datetime


class FranceConnectPending(BaseModel):
    status: Literal["pending"] = "pending"
    expires_at: datetime
    server_time: datetime


class FranceConnectCompleted(AuthResponse):
    status: Literal["completed"] = "completed"


# --- the demo provider's JSON pages (stub only) ------------------------------------------------


class ProviderChoice(BaseModel):
    id: str
    name: str
    available: bool
    note: str | None = Field(default=None, description="Why it is not available, in French.")


class ProviderList(BaseModel):
    """« Je choisis un compte pour me connecter » : the identity providers."""

    service: str = Field(description="The service asking for the sign-in.")
    providers: list[ProviderChoice]
    cancel_url: str = Field(description="Back to the service without signing in.")


class ProviderField(BaseModel):
    name: str
    label: str
    secret: bool = False
    hint: str | None = None


class ProviderForm(BaseModel):
    """The sign-in form of one identity provider."""

    provider: ProviderChoice
    fields: list[ProviderField]
    action: str = Field(description="Where to POST the fields (JSON or a form).")
    submit_label: str = "ME CONNECTER"


class ConsentClaim(BaseModel):
    claim: str
    label: str
    value: str


class ConsentPage(BaseModel):
    """What FranceConnect will transmit to the service, and the two ways out."""

    service: str
    provider: str
    claims: list[ConsentClaim]
    action: str = Field(description="POST {'decision': 'accept' | 'refuse'} here.")
    accept_label: str
    refuse_label: str


class ProviderMessage(BaseModel):
    """A refusal of the provider (wrong password…), in French, for the form's ``field``."""

    message: str
    field: str | None = None


class CallbackOutcome(BaseModel):
    """What the portal's callback says to the browser once the provider sent it back."""

    status: Literal["completed", "failed"]
    message: str
