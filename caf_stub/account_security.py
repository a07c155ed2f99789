"""« Gérer Mon Compte »: change the password, see recent connections, log out everywhere."""

from __future__ import annotations

import logging

from caf_stub import auth, throttle
from caf_stub.context import Client, Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.journey import load_account
from caf_stub.rights import open_to
from caf_stub.security import hash_secret
from caf_stub.sessions import Authed, Caller
from caf_stub.store import Account
from caf_tui import rules
from caf_tui.api import ErrorCode
from caf_tui.api.account import (
    ChangePasswordRequest,
    Connection,
    ConnectionsResponse,
    LogoutEverywhereResponse,
)

log = logging.getLogger("caf_stub")


def check_new_password(context: StubContext, password: str, confirmation: str) -> None:
    """Raise password_policy / password_mismatch (the ``rules.py`` checks): the same words
    wherever a new password is chosen (the journey, « Mon Compte », a recovery)."""
    policy = context.policy
    checks = rules.check_password(password, confirmation, policy)
    failed = rules.failed_rules(checks)
    broken = [c for c in checks if not c.ok and c.rule is not rules.PasswordRule.MATCH]
    if broken:
        policy_checks = [c for c in checks if c.rule is not rules.PasswordRule.MATCH]
        labels = ", ".join(c.label for c in broken)
        message = (
            f"Le mot de passe ne respecte pas ces règles : {labels}. "
            + rules.checklist_sentence(policy_checks, policy)
        )
        if rules.PasswordRule.MATCH in failed:
            message += " La confirmation diffère aussi du mot de passe."
        raise ApiError(
            ErrorCode.PASSWORD_POLICY,
            message,
            field="password",
            failed_rules=[rule.value for rule in failed],
        )
    if failed:
        raise ApiError(
            ErrorCode.PASSWORD_MISMATCH,
            "La confirmation ne correspond pas au nouveau mot de passe : saisissez deux fois "
            "le même mot de passe.",
            field="confirmation",
            failed_rules=[rule.value for rule in failed],
        )


CURRENT_PASSWORD_WORDS = "Trop de mots de passe incorrects depuis cet appareil"


def check_current_password(
    context: StubContext, caller: Caller, account: Account, current: str, client: str
) -> int:
    """Whoever finds a session left open must still know the password: ``current`` is checked
    as the login checks it (``auth.check_password``: the same count, locks and client window).
    Past the lock the session ends and the account is locked as after failed logins. Returns
    the client's throttle slot, to give back once the change is made."""
    now = context.clock.now()
    store = context.store
    until = auth.lock_state(account, now)
    if until is not None:
        raise auth.locked_error(until, now)
    if throttle.blocked(throttle.account_history(store, account.id), context.settings):
        raise auth.blocked_error()
    slot = auth.client_slot(context, client, now, CURRENT_PASSWORD_WORDS)
    verdict, until = auth.check_password(context, account.id, current, now)
    if verdict in (auth.Verdict.LOCK_STARTED, auth.Verdict.BLOCKED):
        with store.transaction():
            store.end_session(caller.session_id, now)
            store.audit("session_ended_by_lock", account.id, now)
        if until is not None:
            raise auth.locked_error(until, now)
        raise auth.blocked_error()
    if verdict is auth.Verdict.RIGHT_BUT_LOCKED:
        assert until is not None
        raise auth.locked_error(until, now)
    if verdict is not auth.Verdict.RIGHT:
        raise ApiError(
            ErrorCode.INVALID_CREDENTIALS,
            "Mot de passe actuel incorrect : saisissez le mot de passe que vous utilisez "
            "aujourd'hui pour vous connecter.",
            field="current_password",
        )
    return slot


def change_password(
    context: Context, caller: Authed, request: ChangePasswordRequest, client: Client
) -> LogoutEverywhereResponse:
    """Check the current password (``check_current_password``), set the new one, and end
    every other session."""
    now = context.clock.now()
    store = context.store
    with store.transaction():
        account = open_to(context, caller)
    password = request.password.get_secret_value()
    check_new_password(context, password, request.confirmation.get_secret_value())
    slot = check_current_password(
        context, caller, account, request.current_password.get_secret_value(), client
    )
    new_hash = hash_secret(password)
    with store.transaction():
        throttle.give_back(store, slot)
        store.update_account(account.id, password_hash=new_hash, password_is_legacy=False)
        ended = store.end_account_sessions(account.id, now, keep=caller.session_id)
        store.audit(throttle.PASSWORD_CHANGED, account.id, now)
    log.info("account %d changed its password", account.id)
    return LogoutEverywhereResponse(ended=ended)


def connections(context: Context, caller: Authed) -> ConnectionsResponse:
    store = context.store
    with store.transaction():
        account = load_account(context, caller)
        sessions = store.account_sessions(account.id)
        return ConnectionsResponse(
            connections=[
                Connection(
                    started_at=s.created_at,
                    last_seen_at=s.last_seen_at,
                    ended_at=s.ended_at,
                    current=s.id == caller.session_id,
                )
                for s in sessions
            ]
        )


def logout_everywhere(context: Context, caller: Authed) -> LogoutEverywhereResponse:
    now = context.clock.now()
    store = context.store
    with store.transaction():
        account = load_account(context, caller)
        ended = store.end_account_sessions(account.id, now)
        store.audit("logout_everywhere", account.id, now, str(ended))
    return LogoutEverywhereResponse(ended=ended)
