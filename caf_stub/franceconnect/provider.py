"""The demo FranceConnect: an OpenID Connect provider under ``/franceconnect``.

Authorization code flow only, as FranceConnect: ``acr_values=eidas1``, ``state`` and a
``nonce`` of at least 22 characters required, PKCE (S256), exact ``redirect_uri``, codes good
once for 30 seconds, ``client_secret_post``, ID token and userinfo signed ES256 (JWKS).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from caf_stub.context import StubContext, context_of
from caf_stub.franceconnect import pages
from caf_stub.franceconnect.config import portal_of
from caf_stub.franceconnect.identities import (
    TestIdentity,
    claims_of,
)
from caf_stub.franceconnect.state import (
    ACR,
    ALGORITHM,
    CODE_LIFETIME_SECONDS,
    PROVIDER_PATH,
    SCOPES,
    TOKEN_LIFETIME_SECONDS,
    AccessGrant,
    FranceConnectState,
    Grant,
    new_signing_key,
    state_of,
)
from caf_stub.security import same_digest, token_digest
from caf_tui.api import (
    ProviderMessage,
)

SERVICE = "Caf - Mon Compte"
Context = Annotated[StubContext, Depends(context_of)]
State = Annotated[FranceConnectState, Depends(state_of)]

router = APIRouter(prefix=PROVIDER_PATH, include_in_schema=False)


def issuer(request: Request) -> str:
    """What the demo provider calls itself: from the configured public URL, never the Host."""
    return portal_of(request).own_issuer


def s256(verifier: str) -> str:
    # RFC 7636 verifiers are ASCII; any other text simply fails to match (never a 500).
    digest = hashlib.sha256(verifier.encode("utf-8", "surrogatepass")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def subject(client_id: str, identity: TestIdentity) -> str:
    """FranceConnect's ``sub``: stable per person and per service, revealing nothing."""
    return hashlib.sha256(f"{client_id}:{identity.key}".encode()).hexdigest() + "v1"


def timestamp(moment: datetime) -> int:
    return int(moment.timestamp())


@router.get("/.well-known/openid-configuration")
def discovery(request: Request) -> dict[str, Any]:
    base = issuer(request)
    return {
        "issuer": base,
        "authorization_endpoint": base + "/authorize",
        "token_endpoint": base + "/token",
        "userinfo_endpoint": base + "/userinfo",
        "jwks_uri": base + "/jwks",
        "end_session_endpoint": base + "/session/end",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "scopes_supported": list(SCOPES),
        "acr_values_supported": [ACR],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_post"],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "userinfo_signing_alg_values_supported": [ALGORITHM],
    }


@router.get("/jwks")
def jwks(fc: State) -> dict[str, Any]:
    return {"keys": [dict(fc.key.as_dict(private=False))]}


# --- token, userinfo, logout --------------------------------------------------------------------


def _oauth_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse(
        {"error": error, "error_description": description},
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )


def _id_token(
    request: Request, context: StubContext, fc: FranceConnectState, grant: Grant, sid: str
) -> str:
    now = context.clock.now()
    claims: dict[str, Any] = {
        "iss": issuer(request),
        "sub": subject(fc.client_id, grant.identity),
        "aud": fc.client_id,
        "iat": timestamp(now),
        "exp": timestamp(now) + TOKEN_LIFETIME_SECONDS,
        "nonce": grant.interaction.nonce,
        "acr": ACR,
        "amr": ["pwd"],
        "sid": sid,
    }
    from joserfc import jwt  # on first use: see verify.py

    key = fc.key
    with fc.lock:
        fault, fc.fault = fc.fault, None
    if fault == "foreign_key":  # same kid, another key: only the signature gives it away
        key = new_signing_key()
        key_kid = fc.key.kid
    else:
        key_kid = key.kid
    if fault == "wrong_nonce":
        claims["nonce"] = secrets.token_urlsafe(32)
    elif fault == "wrong_audience":
        claims["aud"] = "another-service"
    elif fault == "expired_id_token":
        claims["exp"] = timestamp(now) - 1
    return jwt.encode({"alg": ALGORITHM, "kid": key_kid}, claims, key, algorithms=[ALGORITHM])


@router.post("/token")
async def token(request: Request, context: Context, fc: State) -> Response:
    form = await pages.read_fields(request)
    same_client = same_digest(form.get("client_id", ""), fc.client_id)
    same_secret = hmac.compare_digest(
        form.get("client_secret", "").encode(), fc.client_secret.encode()
    )
    if not (same_client and same_secret):
        return _oauth_error("invalid_client", "client authentication failed", 401)
    if form.get("grant_type") != "authorization_code":
        return _oauth_error("unsupported_grant_type", "authorization_code only")
    now = context.clock.now()
    with fc.lock:
        grant = fc.grants.get(token_digest(form.get("code", "")))
        replayed = grant is not None and grant.used
        if grant is not None:
            grant.used = True
    if grant is None or replayed:
        return _oauth_error("invalid_grant", "unknown or already used code")
    if now - grant.issued_at > timedelta(seconds=CODE_LIFETIME_SECONDS):
        return _oauth_error("invalid_grant", "code expired")
    if form.get("redirect_uri") != grant.interaction.redirect_uri:
        return _oauth_error("invalid_grant", "redirect_uri mismatch")
    verifier = form.get("code_verifier", "")
    if not same_digest(s256(verifier), grant.interaction.code_challenge):
        return _oauth_error("invalid_grant", "PKCE verification failed")
    access_token = secrets.token_urlsafe(32)
    sid = secrets.token_urlsafe(16)
    with fc.lock:
        fc.access[token_digest(access_token)] = AccessGrant(
            grant.identity,
            fc.client_id,
            grant.interaction.scope,
            now + timedelta(seconds=TOKEN_LIFETIME_SECONDS),
        )
        fc.provider_sessions[sid] = grant.identity.key
    return JSONResponse(
        {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME_SECONDS,
            "id_token": _id_token(request, context, fc, grant, sid),
            "scope": " ".join(grant.interaction.scope),
        },
        headers={"Cache-Control": "no-store"},
    )


@router.get("/userinfo")
def userinfo(request: Request, context: Context, fc: State) -> Response:
    header = request.headers.get("authorization", "")
    access_token = header.removeprefix("Bearer ").strip()
    with fc.lock:
        grant = fc.access.get(token_digest(access_token))
    now = context.clock.now()
    if not header.startswith("Bearer ") or grant is None or now > grant.expires_at:
        return _oauth_error("invalid_token", "unknown or expired access token", 401)
    claims: dict[str, Any] = {
        "iss": issuer(request),
        "aud": grant.client_id,
        "sub": subject(grant.client_id, grant.identity),
        "iat": timestamp(now),
        "exp": timestamp(now) + TOKEN_LIFETIME_SECONDS,
        **claims_of(grant.identity, grant.scope),
    }
    from joserfc import jwt

    signed = jwt.encode(
        {"alg": ALGORITHM, "kid": fc.key.kid}, claims, fc.key, algorithms=[ALGORITHM]
    )
    return Response(signed, media_type="application/jwt", headers={"Cache-Control": "no-store"})


@router.get("/session/end")
def end_session(request: Request, fc: State) -> Response:
    from joserfc import jwt
    from joserfc.errors import JoseError

    hint = request.query_params.get("id_token_hint", "")
    try:
        claims = jwt.decode(hint, fc.key, algorithms=[ALGORITHM]).claims
    except (JoseError, ValueError):
        return pages.message(
            request, "Déconnexion impossible", "La demande de déconnexion est invalide.", 400
        )
    with fc.lock:
        fc.provider_sessions.pop(str(claims.get("sid", "")), None)
    target = request.query_params.get("post_logout_redirect_uri")
    if target == portal_of(request).post_logout_uri:
        state = request.query_params.get("state", "")
        return RedirectResponse(target + "?" + urlencode({"state": state}), status_code=303)
    return logged_out(request)


@router.get("/logged-out")
def logged_out(request: Request) -> Response:
    text = "Vous êtes déconnecté de FranceConnect."
    return pages.answer(
        request, ProviderMessage(message=text), pages.html_page("Déconnexion", f"<p>{text}</p>")
    )
