"""What the demo FranceConnect and the portal's relying party hold, in memory only.

The signing key (ES256, P-256) is made on first use, with joserfc imported then: a stub that
never sees a FranceConnect sign-in never loads it. Codes, tokens and flows live in this process and
nowhere else: nothing of them is written to the database, logged or audited. A stub restart
forgets them, as a restart of a real provider would end its sessions.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from fastapi import Request

from caf_stub.context import get_context
from caf_stub.franceconnect.identities import TestIdentity
from caf_stub.settings import StubSettings
from caf_tui.api import ErrorDetail

if TYPE_CHECKING:
    from joserfc.jwk import ECKey

    from caf_stub.franceconnect.config import ProviderMetadata

ALGORITHM = "ES256"
CODE_LIFETIME_SECONDS = 30
"""An authorization code is good once, for at most this long (stub clock)."""
TOKEN_LIFETIME_SECONDS = 60
FLOW_LIFETIME_SECONDS = 600
"""The person has this long to finish a sign-in started from the app."""
POLL_INTERVAL_SECONDS = 2
MIN_NONCE_LENGTH = 22
ACR = "eidas1"
SCOPES = (
    "openid",
    "given_name",
    "family_name",
    "birthdate",
    "gender",
    "birthplace",
    "birthcountry",
    "email",
)
CALLBACK_PATH = "/api/v1/auth/franceconnect/callback"
POST_LOGOUT_PATH = "/franceconnect/logged-out"
PROVIDER_PATH = "/franceconnect"

Fault = Literal["foreign_key", "wrong_nonce", "wrong_audience", "expired_id_token"]
"""QA: how the next ID token the provider issues is spoilt (see /_stub/franceconnect/fault)."""


def new_signing_key() -> ECKey:
    from joserfc.jwk import ECKey

    return ECKey.generate_key("P-256", {"alg": ALGORITHM, "use": "sig"}, auto_kid=True)


@dataclass
class Interaction:
    """One authorization request at the provider, from /authorize to the code."""

    client_id: str
    redirect_uri: str
    state: str
    nonce: str
    scope: tuple[str, ...]
    code_challenge: str
    created_at: datetime
    identity: TestIdentity | None = None
    provider_id: str | None = None
    done: bool = False


@dataclass
class Grant:
    """An authorization code and what it stands for."""

    interaction: Interaction
    identity: TestIdentity
    issued_at: datetime
    used: bool = False


@dataclass
class AccessGrant:
    identity: TestIdentity
    client_id: str
    scope: tuple[str, ...]
    expires_at: datetime


@dataclass
class Flow:
    """A sign-in started by the app, at the portal (the relying party)."""

    state: str
    nonce: str
    code_verifier: str
    link: str
    created_at: datetime
    expires_at: datetime
    status: Literal["pending", "completed", "failed", "delivered"] = "pending"
    account_id: int | None = None
    id_token: str | None = None
    error: ErrorDetail | None = None


@dataclass
class FranceConnectState:
    client_id: str = field(default_factory=lambda: secrets.token_hex(16))
    client_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    lock: threading.RLock = field(default_factory=threading.RLock)
    signing_key: ECKey | None = None
    interactions: dict[str, Interaction] = field(default_factory=dict)
    grants: dict[str, Grant] = field(default_factory=dict)
    access: dict[str, AccessGrant] = field(default_factory=dict)
    provider_sessions: dict[str, str] = field(default_factory=dict)
    """sid -> identity key: who is signed in at the provider."""
    flows: dict[str, Flow] = field(default_factory=dict)
    """digest of the flow id -> flow."""
    flows_by_state: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    """short browser link -> state."""
    id_tokens_by_session: dict[int, str] = field(default_factory=dict)
    """portal session id -> the ID token it was opened with (the hint for /session/end)."""
    fault: Fault | None = None
    metadata: ProviderMetadata | None = None
    """The trusted provider's endpoints, read once from its discovery document."""

    @property
    def key(self) -> ECKey:
        with self.lock:
            if self.signing_key is None:
                self.signing_key = new_signing_key()
            return self.signing_key


def prune(fc: FranceConnectState, now: datetime) -> None:
    """Forget the flows, requests and grants that can no longer be used."""
    horizon = now - timedelta(seconds=FLOW_LIFETIME_SECONDS)
    with fc.lock:
        for digest, flow in list(fc.flows.items()):
            if flow.expires_at < horizon:
                del fc.flows[digest]
                fc.flows_by_state.pop(flow.state, None)
                fc.links.pop(flow.link, None)
        for tx, interaction in list(fc.interactions.items()):
            if interaction.created_at < horizon:
                del fc.interactions[tx]
        for code, grant in list(fc.grants.items()):
            if grant.issued_at < horizon:
                del fc.grants[code]
        for token, access in list(fc.access.items()):
            if access.expires_at < horizon:
                del fc.access[token]


_creation = threading.Lock()


def _new_state(settings: StubSettings) -> FranceConnectState:
    fc = FranceConnectState()
    if settings.franceconnect_client_id is not None:
        fc.client_id = settings.franceconnect_client_id
    if settings.franceconnect_client_secret is not None:
        fc.client_secret = settings.franceconnect_client_secret.get_secret_value()
    return fc


def state_of(request: Request) -> FranceConnectState:
    """The app's FranceConnect state, made on first use (client credentials as configured)."""
    app_state = request.app.state
    with _creation:
        current = getattr(app_state, "franceconnect", None)
        if not isinstance(current, FranceConnectState):
            current = _new_state(get_context(request).settings)
            app_state.franceconnect = current
    return current
