"""Throttling of guesses, kept in the database (every worker and every restart sees the same).

- **Per client** (the TCP peer's address, never a header): a sliding window of failed secret
  checks shared by every door (login password, recovery and sign-up codes, the current password
  in « Gérer Mon Compte »). A slot is *taken* in one transaction before the argon2 hash is
  computed, and given back only when the secret was right: a burst of concurrent requests can
  never check more than ``client_max_failures`` secrets in ``client_window_seconds``.
- **Per account**: after ``max_login_failures`` failures in a row the account is locked; each
  further lock (without a success in between) lasts twice as long as the one before, up to
  ``max_lock_minutes``. After ``max_consecutive_failures`` failed checks without a success
  (NIST SP 800-63B: no more than 100) no password of the account is checked any more until it
  is reset (« Mot de passe oublié ? »). The count is read from the audit trail: failed checks
  since the last event in ``RESET_EVENTS``. A check is recorded as failed *before* the hash
  (``PASSWORD_CHECK``), so that concurrent guesses are all counted; a success then records an
  event that starts the count afresh.
- **Per subject of other doors** (recovery per identifier typed, sign-up per file): windows of
  the same kind, named by ``bucket``.

Times come from the stub's clock, so that QA (and the tests) can move them.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from caf_stub.settings import StubSettings
from caf_stub.store import Store

PASSWORD_CHECK = "password_check"
"""Audit event written before a password is checked: a failure unless a success follows."""
LOCK_STARTED = "lock_started"
FAILURE_EVENTS = frozenset({"login_failed", "account_locked", PASSWORD_CHECK})
"""Audit events that record one failed password check each (the first two: older databases)."""
LOCK_EVENTS = frozenset({"account_locked", LOCK_STARTED})
LOGIN = "login"
PASSWORD_TOLD_LOCKED = "password_right_while_locked"
"""The right password during a lock: takes back the check written before the hash (the lock
and its growth stay)."""
RECOVERY_PASSWORD_SET = "recovery_password_set"
RECOVERY_LEGACY_RESENT = "recovery_legacy_resent"
PASSWORD_CHANGED = "password_changed"
CURRENT_PASSWORD_RIGHT = "current_password_right"
SIGNUP_PROVED = "signup"
RESET_EVENTS = frozenset(
    {
        LOGIN,
        CURRENT_PASSWORD_RIGHT,
        PASSWORD_CHANGED,
        RECOVERY_PASSWORD_SET,
        RECOVERY_LEGACY_RESENT,
        SIGNUP_PROVED,
        "password_reset",
        "password_recovered",
    }
)
"""Audit events after which failures are counted afresh: the right password was given, or a
contact on file was proved (a new password after « Mot de passe oublié ? », a sign-up's code):
that lifts even the lock after 100, so failures aimed at a member before they sign up do not
block the account they then create."""

HOUR = 3600


@dataclass(frozen=True)
class FailureHistory:
    consecutive: int
    """Failed password checks since the last success (or reset)."""
    locks: int
    """Locks among them."""


def account_history(store: Store, account_id: int) -> FailureHistory:
    consecutive = locks = 0
    for event, _account, _at, _detail in store.audit_events(account_id):
        if event in RESET_EVENTS:
            consecutive = locks = 0
        elif event == PASSWORD_TOLD_LOCKED:  # the check written before the hash was right
            consecutive = max(0, consecutive - 1)
        else:
            consecutive += event in FAILURE_EVENTS
            locks += event in LOCK_EVENTS
    return FailureHistory(consecutive, locks)


def lock_duration(locks_before: int, settings: StubSettings) -> timedelta:
    """15 minutes, then 30, 60… up to ``max_lock_minutes``."""
    minutes = settings.lock_minutes * 2 ** min(locks_before, 32)
    return timedelta(minutes=min(minutes, settings.max_lock_minutes))


def blocked(history: FailureHistory, settings: StubSettings) -> bool:
    """No more passwords checked until the password is reset."""
    return history.consecutive >= settings.max_consecutive_failures


# --- windows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """At most ``limit`` slots in any ``seconds``."""

    limit: int
    seconds: int


class Throttled(Exception):
    """The window is full: ``retry_after`` seconds before a slot frees."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def take(store: Store, bucket: str, window: Window, now: datetime) -> int:
    """Take a slot in ``bucket`` (written at once) and return its id; else raise Throttled."""
    since = now - timedelta(seconds=window.seconds)
    slot, oldest = store.take_slot(bucket, now, since, window.limit)
    if slot is None:
        assert oldest is not None
        wait = (oldest + timedelta(seconds=window.seconds) - now).total_seconds()
        raise Throttled(max(1, math.ceil(wait)))
    return slot


def give_back(store: Store, slot: int) -> None:
    """The secret was right: the slot does not count as a failure."""
    store.release_slot(slot)


def client_bucket(client: str) -> str:
    """Failed secret checks of one TCP peer, whatever the door."""
    return f"client:{client}"


def client_window(settings: StubSettings) -> Window:
    return Window(settings.client_max_failures, settings.client_window_seconds)


def subject(kind: str, identifier: str) -> str:
    """A stable name for what a person typed (normalised), without storing it in clear."""
    return hashlib.sha256(f"{kind}:{identifier}".encode()).hexdigest()


def minutes_text(retry_after: int) -> str:
    minutes = max(1, math.ceil(retry_after / 60))
    return f"{minutes} minute{'s' if minutes > 1 else ''}"
