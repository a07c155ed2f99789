"""The portal as FranceConnect's relying party: ``/api/v1/auth/franceconnect``.

The app starts a flow and polls it; the person signs in in a browser (or the app's terminal
path) and the provider sends the browser back to the callback, which exchanges the code
(client_secret_post, PKCE), verifies the ID token and userinfo, and finds the account. The
session itself is opened only when the app collects it by polling: no token waits anywhere.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import timedelta
from html import escape
from typing import Annotated, Any
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from caf_stub.context import Context, StubContext, get_context
from caf_stub.errors import ApiError
from caf_stub.franceconnect import pages
from caf_stub.franceconnect.config import (
    UNREACHABLE,
    DiscoveryFailed,
    Portal,
    discover,
    portal_of,
    portal_of_settings,
)
from caf_stub.franceconnect.matching import find_account, pivot_from_claims
from caf_stub.franceconnect.metadata import ProviderMetadata
from caf_stub.franceconnect.provider import s256
from caf_stub.franceconnect.state import (
    ACR,
    FLOW_LIFETIME_SECONDS,
    POLL_INTERVAL_SECONDS,
    SCOPES,
    Flow,
    FranceConnectState,
    prune,
    state_of,
)
from caf_stub.franceconnect.verify import ProviderCheck, Untrusted
from caf_stub.journey import build_step
from caf_stub.route_table import Operation, add_operations
from caf_stub.security import token_digest
from caf_stub.sessions import open_session
from caf_tui.api import (
    API_PREFIX,
    CallbackOutcome,
    ErrorCode,
    ErrorDetail,
    FranceConnectCompleted,
    FranceConnectPending,
    FranceConnectStart,
)

log = logging.getLogger("caf_stub")

State = Annotated[FranceConnectState, Depends(state_of)]
E = ErrorCode

router = APIRouter(prefix=API_PREFIX + "/auth/franceconnect", tags=["auth"])
links = APIRouter(include_in_schema=False)

REFUSED = "Vous avez annulé la connexion avec FranceConnect : aucune session n'a été ouverte."
UNVERIFIED = (
    "La réponse de FranceConnect n'a pas pu être vérifiée : par sécurité, la connexion est "
    "refusée. Recommencez."
)
EXCHANGE_FAILED = (
    "FranceConnect a refusé de confirmer la connexion (autorisation expirée ou déjà utilisée) : "
    "recommencez."
)
NO_MATCH = (
    "Aucun compte Caf ne correspond à l'identité transmise par FranceConnect. Connectez-vous "
    "avec votre numéro de Sécurité sociale, ou choisissez « Créer Mon Compte »."
)
EXPIRED = "Le délai pour vous connecter avec FranceConnect est dépassé : recommencez."
#: A flow's states in which the app's polls are told to wait.
WAITING = frozenset({"pending", "checking"})
UNKNOWN_FLOW = "Cette connexion FranceConnect est inconnue ou déjà terminée : recommencez."


def authorize_url(fc: FranceConnectState, portal: Portal, flow: Flow) -> str:
    """The flow's authorization request at the trusted provider (PKCE S256, eidas1, state,
    nonce), at the endpoint its discovery document names."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": fc.client_id,
            "redirect_uri": portal.redirect_uri,
            "scope": " ".join(SCOPES),
            "state": flow.state,
            "nonce": flow.nonce,
            "acr_values": ACR,
            "code_challenge": s256(flow.code_verifier),
            "code_challenge_method": "S256",
            "prompt": "login consent",
        }
    )
    return f"{provider_metadata(fc, portal).authorization_endpoint}?{query}"


def provider_metadata(fc: FranceConnectState, portal: Portal) -> ProviderMetadata:
    """The trusted provider's endpoints, read once from the configured issuer's discovery
    document; 503 in French while it cannot be read."""
    with fc.lock:
        known = fc.metadata
    if known is not None and known.issuer == portal.trusted_issuer:
        return known
    try:
        found = discover(portal.trusted_issuer)
    except DiscoveryFailed as exc:
        log.warning("franceconnect: discovery failed (%s)", exc)
        raise ApiError(E.SERVICE_UNAVAILABLE, UNREACHABLE) from exc
    with fc.lock:
        fc.metadata = found
    return found


def start(request: Request, context: Context, fc: State) -> FranceConnectStart:
    now = context.clock.now()
    prune(fc, now)
    portal = portal_of(request)
    flow_id = secrets.token_urlsafe(32)
    flow = Flow(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        code_verifier=secrets.token_urlsafe(48),
        link=secrets.token_urlsafe(12),
        created_at=now,
        expires_at=now + timedelta(seconds=FLOW_LIFETIME_SECONDS),
    )
    authorize = authorize_url(fc, portal, flow)
    with fc.lock:
        fc.flows[token_digest(flow_id)] = flow
        fc.flows_by_state[flow.state] = token_digest(flow_id)
        fc.links[flow.link] = flow.state
    return FranceConnectStart(
        flow_id=flow_id,
        authorize_url=authorize,
        browser_url=portal.link(f"/fc/{flow.link}"),
        expires_at=flow.expires_at,
        poll_interval_seconds=POLL_INTERVAL_SECONDS,
        server_time=now,
    )


@links.get("/fc/{link}")
def short_link(link: str, request: Request, context: Context, fc: State) -> Response:
    """The link of the QR code: on to the provider with the flow's authorization request."""
    with fc.lock:
        state = fc.links.get(link)
        flow = fc.flows.get(fc.flows_by_state.get(state or "", ""))
    if flow is None or flow.status != "pending" or context.clock.now() > flow.expires_at:
        return pages.message(request, "Lien expiré", EXPIRED, 410)
    return RedirectResponse(authorize_url(fc, portal_of(request), flow), status_code=303)


def _fail(flow: Flow, code: ErrorCode, message: str) -> None:
    flow.status = "failed"
    flow.error = ErrorDetail(code=code, message=message)


def _outcome(request: Request, flow: Flow | None, status: int = 200) -> Response:
    if flow is not None and flow.status == "completed":
        outcome = CallbackOutcome(
            status="completed",
            message="Vous êtes connecté avec FranceConnect : revenez à l'application caf-tui "
            "pour continuer sur le portail des Allocations Familiales.",
        )
    else:
        text = flow.error.message if flow is not None and flow.error else UNKNOWN_FLOW
        outcome = CallbackOutcome(status="failed", message=text)
        status = status if status != 200 else 400
    title = "Connexion réussie" if outcome.status == "completed" else "Connexion impossible"
    return pages.answer(
        request, outcome, pages.html_page(title, f"<p>{escape(outcome.message)}</p>"), status
    )


@router.get("/callback", include_in_schema=False)
def callback(request: Request, context: Context, fc: State) -> Response:
    q = request.query_params
    with fc.lock:
        digest = fc.flows_by_state.get(q.get("state", ""), "")
        flow = fc.flows.get(digest)
        if flow is None or flow.status != "pending":
            usable = None
        else:
            usable = flow
            flow.status = "checking"  # claimed: a second callback finds it used
    if usable is None:
        return _outcome(request, None, 400)
    flow = usable
    if context.clock.now() > flow.expires_at:
        _fail(flow, E.FLOW_EXPIRED, EXPIRED)
    elif q.get("error"):
        _fail(flow, E.FRANCECONNECT_FAILED, REFUSED)
    else:
        _complete(flow, q.get("code", ""), context, fc, portal_of(request))
    with fc.lock:  # the outcome, where every worker's poll reads it
        fc.flows[digest] = flow
    return _outcome(request, flow)


class Refused(Exception):
    """The token exchange was refused by the provider (the code expired or was used)."""


def _exchange(
    flow: Flow, code: str, now: Callable[[], int], fc: FranceConnectState, portal: Portal
) -> tuple[ProviderMetadata, str, dict[str, Any]]:
    """Exchange ``code`` at the trusted provider and verify its answers: the ID token and the
    userinfo claims. Raises Refused, Untrusted, or ApiError when the provider is unknown."""
    from joserfc.jwk import KeySet

    provider = provider_metadata(fc, portal)
    with httpx.Client(timeout=10, verify=not provider.issuer.startswith("http://")) as http:
        answer = http.post(
            provider.token_endpoint,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": portal.redirect_uri,
                "client_id": fc.client_id,
                "client_secret": fc.client_secret,
                "code_verifier": flow.code_verifier,
            },
        )
        if answer.status_code != 200:
            raise Refused(str(answer.status_code))
        tokens = answer.json()
        if not isinstance(tokens, dict):
            raise Untrusted("token answer is not an object")
        id_token = str(tokens.get("id_token", ""))
        keys = KeySet.import_key_set(http.get(provider.jwks_uri).json())
        check = ProviderCheck(keys, provider.issuer, fc.client_id, now)
        claims = check.id_token_claims(id_token, flow.nonce)
        info = http.get(
            provider.userinfo_endpoint,
            headers={"Authorization": f"Bearer {tokens.get('access_token', '')}"},
        )
        identity = check.userinfo_claims(info.text, str(claims["sub"]))
    return provider, id_token, identity


def _complete(
    flow: Flow, code: str, context: StubContext, fc: FranceConnectState, portal: Portal
) -> None:
    """Exchange the code and check what comes back, at the trusted provider only."""

    def now() -> int:
        return int(context.clock.now().timestamp())

    try:
        provider, id_token, identity = _exchange(flow, code, now, fc, portal)
    except Refused as exc:
        log.info("franceconnect: token endpoint refused (HTTP %s)", exc)
        _fail(flow, E.FRANCECONNECT_FAILED, EXCHANGE_FAILED)
        return
    except (Untrusted, ApiError, httpx.HTTPError, ValueError, TypeError, KeyError) as exc:
        # A provider that answers nonsense is treated as one whose answer fails a check.
        reason = exc if isinstance(exc, Untrusted) else type(exc).__name__
        log.warning("franceconnect: answer rejected (%s)", reason)
        _fail(flow, E.FRANCECONNECT_FAILED, UNVERIFIED)
        return
    pivot = pivot_from_claims(identity)
    account = None if pivot is None else find_account(context.store, pivot)
    if account is None:
        _fail(flow, E.FRANCECONNECT_NO_MATCH, NO_MATCH)
        end_provider_session(provider, portal, id_token)
        return
    flow.account_id = account.id
    flow.id_token = id_token
    flow.status = "completed"
    context.store.audit("franceconnect_verified", account.id, context.clock.now())


def poll(
    flow_id: str, context: Context, fc: State
) -> FranceConnectPending | FranceConnectCompleted:
    now = context.clock.now()
    with fc.lock:
        flow = fc.flows.get(token_digest(flow_id))
        if flow is None or flow.status == "delivered":
            raise ApiError(E.NOT_FOUND, UNKNOWN_FLOW)
        if flow.status in WAITING and now > flow.expires_at:
            _fail(flow, E.FLOW_EXPIRED, EXPIRED)
        # While the callback checks the provider's answers (seconds on a loaded machine, the
        # first sign-in importing joserfc), the app waits: it was told « n'a pas pu être
        # vérifiée » when the claim looked like a failure.
        if flow.status in WAITING:
            return FranceConnectPending(expires_at=flow.expires_at, server_time=now)
        if flow.status == "failed" or flow.account_id is None:
            error = flow.error or ErrorDetail(code=E.FRANCECONNECT_FAILED, message=UNVERIFIED)
            raise ApiError(error.code, error.message)
        flow.status = "delivered"
        account_id, id_token = flow.account_id, flow.id_token
    with context.store.transaction():
        account = context.store.account(account_id)
        if account is None:
            raise ApiError(E.FRANCECONNECT_NO_MATCH, NO_MATCH)
        session = open_session(context, account.id, now)
        opened = context.store.session_by_token_hash(token_digest(session.token))
        context.store.audit("login_franceconnect", account.id, now)
        step = build_step(context, account)
    if opened is not None and id_token is not None:
        with fc.lock:
            fc.id_tokens_by_session[opened.id] = id_token
    log.info("account %d logged in with FranceConnect", account.id)
    return FranceConnectCompleted(next=step, server_time=now, session=session)


def end_provider_session(provider: ProviderMetadata, portal: Portal, id_token: str) -> None:
    """Sign the person out of FranceConnect too (best effort: the portal's logout stands)."""
    if provider.end_session_endpoint is None:
        return
    query = urlencode(
        {
            "id_token_hint": id_token,
            "state": secrets.token_urlsafe(16),
            "post_logout_redirect_uri": portal.post_logout_uri,
        }
    )
    try:
        with httpx.Client(timeout=5, verify=not provider.issuer.startswith("http://")) as http:
            http.get(f"{provider.end_session_endpoint}?{query}")
    except httpx.HTTPError as exc:
        log.warning("franceconnect: provider logout failed (%s)", type(exc).__name__)


def on_logout(request: Request, session_id: int) -> None:
    """Called by the portal's logout: end the provider session the portal session came from."""
    fc = state_of(request)
    with fc.lock:
        id_token = fc.id_tokens_by_session.pop(session_id, None)
        provider = fc.metadata
    portal = portal_of_settings(get_context(request).settings)
    if id_token is not None and provider is not None and portal is not None:
        end_provider_session(provider, portal, id_token)


# After the callback: ``/callback`` is matched before ``/{flow_id}``.
add_operations(
    router,
    (
        Operation(
            "start",
            "POST ",
            start,
            "Start a FranceConnect sign-in: a flow to poll and the URL to open in a browser",
            (E.SERVICE_UNAVAILABLE, E.INTERNAL_ERROR),
        ),
        Operation(
            "poll",
            "GET /{flow_id}",
            poll,
            "Poll a FranceConnect sign-in: pending, or completed with the session",
            (
                E.FRANCECONNECT_FAILED,
                E.FRANCECONNECT_NO_MATCH,
                E.FLOW_EXPIRED,
                E.NOT_FOUND,
                E.INTERNAL_ERROR,
            ),
        ),
    ),
)
