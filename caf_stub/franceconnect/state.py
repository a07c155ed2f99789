"""What the demo FranceConnect and the portal's relying party hold, shared through the database.

The signing key (ES256, P-256) is made on first use, with joserfc imported then: a stub that
never sees a FranceConnect sign-in never loads it. The sign-ins under way (requests, codes and
tokens by their digests: see ``Shared``) are read from the database on entering ``with fc.lock``
and written back on leaving it (one row, JSON, in the store's write transaction): every worker
of ``caf-stub --workers`` sees the same sign-ins, and a restart keeps those under way. Nothing
of them is logged or audited. An object taken from
the state is a copy as of that ``with``: change it inside the block that took it (or take it
again), or the change is lost.
"""

from __future__ import annotations

import json
import secrets
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, Protocol

from fastapi import Request
from pydantic import TypeAdapter

from caf_stub.context import StubContext, get_context
from caf_stub.franceconnect.identities import TestIdentity
from caf_stub.franceconnect.metadata import ProviderMetadata
from caf_tui.api import ErrorDetail

if TYPE_CHECKING:
    from joserfc.jwk import ECKey

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
    #: "checking": a callback claimed it and is verifying the provider's answers (the app's
    #: polls still wait); a second callback for its state finds it used.
    status: Literal["pending", "checking", "completed", "failed", "delivered"] = "pending"
    account_id: int | None = None
    id_token: str | None = None
    error: ErrorDetail | None = None


class SharedStateStore(Protocol):
    """Where the state is kept (the store)."""

    def franceconnect_state(self) -> str | None: ...

    def write_franceconnect_state(self, state: str) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...


class SharedLock:
    """``with fc.lock``: the store's write transaction, the state read on entering the
    outermost block and written back on leaving it. Without a store, a plain re-entrant lock."""

    def __init__(self, fc: FranceConnectState) -> None:
        self._fc = fc
        self._local = threading.RLock()
        self._depth = threading.local()
        self._transactions = threading.local()

    def __enter__(self) -> None:
        store = self._fc.store
        if store is None:
            self._local.acquire()
            return
        depth = getattr(self._depth, "n", 0)
        if depth == 0:
            transaction = store.transaction()
            transaction.__enter__()
            try:
                self._fc.load(store.franceconnect_state())
            except BaseException as error:
                transaction.__exit__(type(error), error, error.__traceback__)
                raise
            self._transactions.current = transaction
        self._depth.n = depth + 1

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        store = self._fc.store
        if store is None:
            self._local.release()
            return
        self._depth.n -= 1
        if self._depth.n:
            return
        transaction: AbstractContextManager[None] = self._transactions.current
        try:
            if kind is None:
                store.write_franceconnect_state(self._fc.dump())
        except BaseException as failure:
            transaction.__exit__(type(failure), failure, failure.__traceback__)
            raise
        transaction.__exit__(kind, error, trace)


@dataclass
class FranceConnectState:
    client_id: str = field(default_factory=lambda: secrets.token_hex(16))
    client_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    store: SharedStateStore | None = None
    lock: SharedLock = field(init=False)
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
    id_tokens_by_flow: dict[str, str] = field(default_factory=dict)
    """digest of the flow id -> its ID token, between the callback and the poll (this process)."""
    fault: Fault | None = None
    metadata: ProviderMetadata | None = None
    """The trusted provider's endpoints, read once from its discovery document."""

    def __post_init__(self) -> None:
        self.lock = SharedLock(self)

    @property
    def key(self) -> ECKey:
        with self.lock:
            if self.signing_key is None:
                self.signing_key = new_signing_key()
            return self.signing_key

    def dump(self) -> str:
        for digest, flow in self.flows.items():  # an ID token stays in this process only
            if flow.id_token is not None:
                self.id_tokens_by_flow[digest] = flow.id_token
        flows = {digest: replace(flow, id_token=None) for digest, flow in self.flows.items()}
        shared = Shared(
            flows=flows, **{name: getattr(self, name) for name in SHARED_FIELDS if name != "flows"}
        )
        return _shared().dump_json(shared).decode()

    def load(self, raw: str | None) -> None:
        """Take the state as the database holds it (nothing written yet: keep this one)."""
        if raw is None:
            return
        shared = _shared().validate_json(raw)
        for name in SHARED_FIELDS:
            setattr(self, name, getattr(shared, name))
        for digest, flow in self.flows.items():
            flow.id_token = self.id_tokens_by_flow.get(digest)


SHARED_FIELDS = (
    "interactions",
    "grants",
    "access",
    "provider_sessions",
    "flows",
    "flows_by_state",
    "links",
    "fault",
    "metadata",
)


@dataclass
class Shared:
    """What of the state the database holds, as JSON. Requests, codes and access tokens are
    keyed by their SHA-256 (``token_digest``), as the portal's own sessions are. Never kept
    there: the client secret and the signing key (fixed at start: by the supervisor for its
    workers, see ``server.serve_workers``), and ID tokens (this process only: they serve as
    the hint of a provider logout, which is best effort)."""

    interactions: dict[str, Interaction]
    grants: dict[str, Grant]
    access: dict[str, AccessGrant]
    provider_sessions: dict[str, str]
    flows: dict[str, Flow]
    flows_by_state: dict[str, str]
    links: dict[str, str]
    fault: Fault | None
    metadata: ProviderMetadata | None


@lru_cache(maxsize=1)
def _shared() -> TypeAdapter[Shared]:
    return TypeAdapter(Shared)  # built on first use: a stub without FranceConnect never pays


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


def _new_state(context: StubContext) -> FranceConnectState:
    settings = context.settings
    fc = FranceConnectState(store=context.store)
    if settings.franceconnect_client_id is not None:
        fc.client_id = settings.franceconnect_client_id
    if settings.franceconnect_client_secret is not None:
        fc.client_secret = settings.franceconnect_client_secret.get_secret_value()
    if settings.franceconnect_signing_jwk is not None:
        from joserfc.jwk import ECKey

        jwk = json.loads(settings.franceconnect_signing_jwk.get_secret_value())
        fc.signing_key = ECKey.import_key(jwk)
    return fc


def state_of(request: Request) -> FranceConnectState:
    """The app's FranceConnect state, made on first use (client credentials as configured)."""
    app_state = request.app.state
    with _creation:
        current = getattr(app_state, "franceconnect", None)
        if not isinstance(current, FranceConnectState):
            current = _new_state(get_context(request))
            app_state.franceconnect = current
    return current
