"""Login with a NIR or a temporary identifier, and the one way every door checks a password.

Every check of a password (the login, the current password in « Gérer Mon Compte ») goes
through ``check_password``: a slot of the client's window and a failure of the account are
written *before* the argon2 hash runs, and given back only if the password was right (see
``throttle.py``).

Against enumeration (ASVS 5.0 V6.3.8): a wrong password answers « Identifiant ou mot de passe
incorrect » whether the identifier is unknown, the account is free, locked, or past the cap of
100 failures. The lock is told (423) only to whoever types the right password during it; past
the cap no password is checked at all, so the right one cannot be told either: « Mot de passe
oublié ? » (which proves the contact on file) lifts it.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime
from enum import Enum, auto

from caf_stub import throttle
from caf_stub.context import Client, Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.journey import build_step
from caf_stub.security import hash_secret, needs_rehash, verify_secret
from caf_stub.sessions import open_session
from caf_stub.store import Account
from caf_tui import rules
from caf_tui.api import AuthResponse, ErrorCode, IdentifierKind, LoginRequest

log = logging.getLogger("caf_stub")

INVALID_CREDENTIALS = "Identifiant ou mot de passe incorrect."
LOGIN_WORDS = "Trop de tentatives de connexion depuis cet appareil"


class Verdict(Enum):
    RIGHT = auto()
    WRONG = auto()
    RIGHT_BUT_LOCKED = auto()
    """The right password, during a lock: nothing opens until it ends."""
    LOCK_STARTED = auto()
    """A wrong password that started a lock."""
    BLOCKED = auto()
    """Past ``max_consecutive_failures``: not checked (a dummy hash ran instead)."""


def _invalid_credentials() -> ApiError:
    return ApiError(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS)


def locked_error(until: datetime, now: datetime) -> ApiError:
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return ApiError(
        ErrorCode.ACCOUNT_LOCKED,
        "Votre compte est bloqué suite à plusieurs erreurs de mot de passe. "
        f"Réessayez dans {minutes} minute{'s' if minutes > 1 else ''}.",
        locked_until=until,
    )


def blocked_error() -> ApiError:
    return ApiError(
        ErrorCode.ACCOUNT_LOCKED,
        "Votre compte est bloqué après de trop nombreuses erreurs de mot de passe. "
        "Pour le débloquer, choisissez « Mot de passe oublié ? ».",
    )


def too_many(words: str, retry_after: int, advice: str = "") -> ApiError:
    """429 too_many_attempts: ``words``, when to try again, then ``advice`` if any."""
    message = f"{words}. Réessayez dans {throttle.minutes_text(retry_after)}."
    return ApiError(
        ErrorCode.TOO_MANY_ATTEMPTS,
        f"{message} {advice}" if advice else message,
        retry_after=retry_after,
    )


def take_slot(
    context: StubContext,
    bucket: str,
    window: throttle.Window,
    now: datetime,
    words: str,
    advice: str = "",
) -> int:
    """A slot of ``bucket``'s window, taken now; else 429 (``too_many``)."""
    try:
        return throttle.take(context.store, bucket, window, now)
    except throttle.Throttled as exc:
        raise too_many(words, exc.retry_after, advice) from None


def client_slot(context: StubContext, client: str, now: datetime, words: str) -> int:
    """A slot of the client's window of failed secrets, taken now; else 429 (``words``)."""
    window = throttle.client_window(context.settings)
    return take_slot(context, throttle.client_bucket(client), window, now, words)


def lock_state(account: Account, now: datetime) -> datetime | None:
    """When the account's lock ends, if it is locked now."""
    if account.locked_until is not None and now < account.locked_until:
        return account.locked_until
    return None


def check_password(
    context: StubContext, account_id: int, password: str, now: datetime
) -> tuple[Verdict, datetime | None]:
    """Check ``password`` against the account, counted as a failure before the hash runs.

    Returns the verdict and, for RIGHT_BUT_LOCKED and LOCK_STARTED, when the lock ends. On
    RIGHT the counters are cleared; the caller records the success (an event of
    ``throttle.RESET_EVENTS``) in its own transaction.
    """
    store = context.store
    settings = context.settings
    with store.transaction():
        account = store.account(account_id)
        assert account is not None
        is_blocked = throttle.blocked(throttle.account_history(store, account_id), settings)
        if not is_blocked:
            store.audit(throttle.PASSWORD_CHECK, account_id, now)
    if is_blocked:
        verify_secret(None, password)  # as long as a real check
        return Verdict.BLOCKED, None
    # The slow hash runs outside the store's lock; the failure is already counted.
    ok = verify_secret(account.password_hash, password)
    with store.transaction():
        fresh = store.account(account_id)
        assert fresh is not None
        until = lock_state(fresh, now)
        if ok and until is not None:
            store.audit(throttle.PASSWORD_TOLD_LOCKED, account_id, now)
            return Verdict.RIGHT_BUT_LOCKED, until
        if ok:
            changes: dict[str, object] = {"failed_logins": 0, "locked_until": None}
            if fresh.password_hash is not None and needs_rehash(fresh.password_hash):
                changes["password_hash"] = hash_secret(password)
            store.update_account(account_id, **changes)
            return Verdict.RIGHT, None
        history = throttle.account_history(store, account_id)  # this failure included
        if throttle.blocked(history, settings):
            log.info("account %d: no password checked until it is reset", account_id)
            return Verdict.BLOCKED, None
        if until is not None:
            return Verdict.WRONG, None  # counted towards the cap; the lock stays as it is
        if fresh.locked_until is not None:  # the lock is over: count afresh
            store.update_account(account_id, failed_logins=0, locked_until=None)
        failures = store.count_failed_login(account_id)
        if failures >= settings.max_login_failures:
            until = now + throttle.lock_duration(history.locks, settings)
            store.update_account(account_id, locked_until=until)
            store.audit(throttle.LOCK_STARTED, account_id, now)
            log.info("account %d locked after %d failed passwords", account_id, failures)
            return Verdict.LOCK_STARTED, until
        return Verdict.WRONG, None


def _find(context: StubContext, kind: IdentifierKind, identifier: str) -> Account | None:
    if kind is IdentifierKind.TEMPORARY:
        return context.store.account_by_temporary_id(identifier)
    return context.store.account_by_nir(identifier)


NO_ACCOUNT = 0
"""An id no account has (ids start at 1)."""


def _as_long_as_a_check(context: StubContext, password: str) -> None:
    """What a wrong password for a known account costs, for an unknown identifier: the same
    hash, and as many round trips to the database, on a row that does not exist. On PostgreSQL
    each round trip is counted in hundreds of microseconds: a difference one could measure."""
    store = context.store
    with store.transaction():
        store.account(NO_ACCOUNT)
        throttle.account_history(store, NO_ACCOUNT)
        store.update_account(NO_ACCOUNT, failed_logins=0)
    verify_secret(None, password)
    with store.transaction():
        store.account(NO_ACCOUNT)
        throttle.account_history(store, NO_ACCOUNT)
        store.count_failed_login(NO_ACCOUNT)


def typed_identifier(kind: IdentifierKind, text: str) -> str:
    """The identifier as typed, normalised; else 422 invalid_identifier in the rule's words."""
    try:
        return rules.normalise_identifier(kind, text)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.INVALID_IDENTIFIER, exc.message, field="identifier") from exc


def login(context: Context, request: LoginRequest, client: Client) -> AuthResponse:
    """Check the password, throttled per client and per account (see ``throttle.py``)."""
    identifier = typed_identifier(request.identifier_kind, request.identifier)
    now = context.clock.now()
    slot = client_slot(context, client, now, LOGIN_WORDS)
    password = request.password.get_secret_value()
    account = _find(context, request.identifier_kind, identifier)
    if account is None:
        _as_long_as_a_check(context, password)
        raise _invalid_credentials()
    verdict, until = check_password(context, account.id, password, now)
    if verdict is Verdict.RIGHT_BUT_LOCKED:
        throttle.give_back(context.store, slot)
        assert until is not None
        raise locked_error(until, now)
    if verdict is not Verdict.RIGHT:
        raise _invalid_credentials()
    store = context.store
    with store.transaction():
        throttle.give_back(store, slot)
        fresh = store.account(account.id)
        assert fresh is not None
        session = open_session(context, fresh.id, now)
        store.audit(throttle.LOGIN, fresh.id, now)
        log.info("account %d logged in", fresh.id)
        return AuthResponse(next=build_step(context, fresh), server_time=now, session=session)
