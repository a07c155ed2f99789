"""Bearer sessions: opened at login, checked (idle, absolute, ended) on every request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from caf_stub.context import Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.security import new_token, same_digest, token_digest
from caf_stub.store import Store
from caf_tui.api import ErrorCode, SessionInfo

bearer = HTTPBearer(auto_error=False, description="The token from POST /api/v1/auth/login.")


@dataclass(frozen=True)
class Caller:
    """The person behind a valid session."""

    session_id: int
    account_id: int


def open_session(context: StubContext, account_id: int, now: datetime) -> SessionInfo:
    token = new_token()
    context.store.insert_session(token_digest(token), account_id, now)
    settings = context.settings
    return SessionInfo(
        token=token,
        expires_at=now + timedelta(seconds=settings.absolute_timeout_seconds),
        idle_timeout_seconds=settings.idle_timeout_seconds,
    )


def resolve(context: StubContext, token: str | None, *, touch: bool = True) -> Caller:
    """The caller of a token, or ``ApiError`` unauthenticated / session_expired."""
    if not token:
        raise ApiError(
            ErrorCode.UNAUTHENTICATED,
            "Vous n'êtes pas connecté : connectez-vous pour continuer.",
        )
    store: Store = context.store
    digest = token_digest(token)
    now = context.clock.now()
    settings = context.settings
    with store.transaction():
        session = store.session_by_token_hash(digest)
        if session is None or not same_digest(session.token_hash, digest):
            raise ApiError(
                ErrorCode.UNAUTHENTICATED,
                "Cette session est inconnue du service : connectez-vous à nouveau.",
            )
        if session.ended_at is not None:
            raise ApiError(
                ErrorCode.SESSION_EXPIRED,
                "Votre session est terminée : connectez-vous à nouveau.",
            )
        idle = timedelta(seconds=settings.idle_timeout_seconds)
        absolute = timedelta(seconds=settings.absolute_timeout_seconds)
        if now - session.last_seen_at > idle:
            expired = (
                f"Votre session a expiré après {settings.idle_timeout_seconds // 60} minutes "
                "d'inactivité : connectez-vous à nouveau."
            )
        elif now - session.created_at > absolute:
            expired = (
                f"Votre session a atteint sa durée maximale "
                f"({settings.absolute_timeout_seconds // 3600} heures) : connectez-vous à nouveau."
            )
        else:
            expired = ""
            if touch:
                store.touch_session(session.id, now)
        if expired:
            store.end_session(session.id, now)
            store.audit("session_expired", session.account_id, now)
    if expired:
        raise ApiError(ErrorCode.SESSION_EXPIRED, expired)
    return Caller(session_id=session.id, account_id=session.account_id)


def require_caller(
    context: Context,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> Caller:
    """FastAPI dependency: the caller of the request's bearer token."""
    return resolve(context, credentials.credentials if credentials else None)


Authed = Annotated[Caller, Depends(require_caller)]
"""A handler's parameter: the caller of a valid session (else 401)."""


def end(context: StubContext, caller: Caller) -> None:
    now = context.clock.now()
    with context.store.transaction():
        context.store.end_session(caller.session_id, now)
        context.store.audit("logout", caller.account_id, now)
