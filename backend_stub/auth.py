"""Login with a NIR or a temporary identifier, with lockout after repeated failures."""

from __future__ import annotations

import logging
import math
from datetime import datetime

from backend_stub import throttle
from backend_stub.context import StubContext
from backend_stub.errors import ApiError
from backend_stub.journey import build_step
from backend_stub.security import hash_secret, needs_rehash, verify_secret
from backend_stub.sessions import open_session
from backend_stub.store import Account
from caf_tui import rules
from caf_tui.api import AuthResponse, ErrorCode, IdentifierKind, LoginRequest

log = logging.getLogger("backend_stub")

INVALID_CREDENTIALS = "Identifiant ou mot de passe incorrect."


def _invalid_credentials() -> ApiError:
    return ApiError(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS)


def _locked(until: datetime, now: datetime) -> ApiError:
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return ApiError(
        ErrorCode.ACCOUNT_LOCKED,
        "Votre compte est bloqué suite à plusieurs erreurs de mot de passe. "
        f"Réessayez dans {minutes} minute{'s' if minutes > 1 else ''}.",
        locked_until=until,
    )


def _find(context: StubContext, kind: IdentifierKind, identifier: str) -> Account | None:
    if kind is IdentifierKind.TEMPORARY:
        return context.store.account_by_temporary_id(identifier)
    return context.store.account_by_nir(identifier)


def _blocked() -> ApiError:
    return ApiError(
        ErrorCode.ACCOUNT_LOCKED,
        "Votre compte est bloqué après de trop nombreuses erreurs de mot de passe. "
        "Pour le débloquer, choisissez « Mot de passe oublié ? ».",
    )


def _throttled(retry_after: int) -> ApiError:
    minutes = math.ceil(retry_after / 60)
    return ApiError(
        ErrorCode.TOO_MANY_ATTEMPTS,
        "Trop de tentatives de connexion depuis cet appareil. "
        f"Réessayez dans {minutes} minute{'s' if minutes > 1 else ''}.",
        retry_after=retry_after,
    )


def login(context: StubContext, request: LoginRequest, client: str = "") -> AuthResponse:
    """Check the password, throttled per account and per client (see ``throttle.py``)."""
    now = context.clock.now()
    retry_after = context.throttle.client_retry_after(client, now, context.settings)
    if retry_after is not None:
        raise _throttled(retry_after)
    try:
        return _login(context, request, now)
    except ApiError:
        context.throttle.client_failed(client, now)
        raise


def _login(context: StubContext, request: LoginRequest, now: datetime) -> AuthResponse:
    try:
        identifier = rules.normalise_identifier(request.identifier_kind, request.identifier)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.INVALID_IDENTIFIER, exc.message, field="identifier") from exc
    password = request.password.get_secret_value()
    account = _find(context, request.identifier_kind, identifier)
    if account is None:
        verify_secret(None, password)  # as long as a real check
        # Counted and locked as an account would be: the answers cannot tell them apart.
        outcome, until = context.throttle.ghost_attempt(
            f"{request.identifier_kind}:{identifier}", now, context.settings
        )
        if outcome == "blocked":
            raise _blocked()
        if until is not None:
            raise _locked(until, now)
        raise _invalid_credentials()
    if throttle.blocked(throttle.account_history(context.store, account.id), context.settings):
        verify_secret(None, password)
        raise _blocked()
    if account.locked_until is not None and now < account.locked_until:
        verify_secret(None, password)
        raise _locked(account.locked_until, now)
    # The slow hash runs outside the store's lock; the counters are updated atomically after.
    ok = verify_secret(account.password_hash, password)

    store = context.store
    settings = context.settings
    refusal: ApiError | None = None
    answer: AuthResponse | None = None
    with store.transaction():
        fresh = store.account(account.id)
        assert fresh is not None
        if fresh.locked_until is not None and now < fresh.locked_until:
            refusal = _locked(fresh.locked_until, now)
        else:
            if fresh.locked_until is not None:  # the lock is over: start counting afresh
                store.update_account(fresh.id, failed_logins=0, locked_until=None)
            if not ok:
                history = throttle.account_history(store, fresh.id)
                failures = store.count_failed_login(fresh.id)
                if history.consecutive + 1 >= settings.max_consecutive_failures:
                    store.audit("account_locked", fresh.id, now)
                    log.info("account %d blocked until its password is reset", fresh.id)
                    refusal = _blocked()
                elif failures >= settings.max_login_failures:
                    until = now + throttle.lock_duration(history.locks, settings)
                    store.update_account(fresh.id, locked_until=until)
                    store.audit("account_locked", fresh.id, now)
                    log.info("account %d locked after %d failed logins", fresh.id, failures)
                    refusal = _locked(until, now)
                else:
                    store.audit("login_failed", fresh.id, now)
                    refusal = _invalid_credentials()
            else:
                changes: dict[str, object] = {"failed_logins": 0, "locked_until": None}
                if fresh.password_hash is not None and needs_rehash(fresh.password_hash):
                    changes["password_hash"] = hash_secret(password)
                store.update_account(fresh.id, **changes)
                session = open_session(context, fresh.id, now)
                store.audit("login", fresh.id, now)
                log.info("account %d logged in", fresh.id)
                answer = AuthResponse(
                    next=build_step(context, fresh), server_time=now, session=session
                )
    if refusal is not None:
        raise refusal
    assert answer is not None
    return answer
