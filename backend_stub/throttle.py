"""Throttling of password guesses: per account, per identifier nobody has, and per client.

- **Per account**: after ``max_login_failures`` failures in a row the account is locked; each
  further lock (without a success in between) lasts twice as long as the one before, up to
  ``max_lock_minutes``. After ``max_consecutive_failures`` failures without a success (NIST SP
  800-63B: no more than 100) the account stays locked until its password is reset. The count
  is read from the audit trail, so that it survives restarts: failures since the last event
  in ``RESET_EVENTS``.
- **Per identifier nobody has**: the same counting, in memory, so that an unknown identifier
  answers exactly as a known one would, locks included: guessing cannot tell them apart.
- **Per client** (its IP address): a sliding window of failed logins; beyond
  ``client_max_failures`` in ``client_window_seconds``, every login is answered 429
  ``too_many_attempts`` with ``retry_after``, before any password is checked.

Times come from the stub's clock, so that QA (and the tests) can move them.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend_stub.settings import StubSettings
from backend_stub.store import Store

FAILURE_EVENTS = frozenset({"login_failed", "account_locked"})
"""Audit events that record one failed password check each."""
RESET_EVENTS = frozenset({"login", "password_reset", "password_recovered", "password_changed"})
"""Audit events after which failures are counted afresh."""
MAX_GHOSTS = 10_000
"""Unknown identifiers remembered at most (the oldest are forgotten first)."""


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
        elif event in FAILURE_EVENTS:
            consecutive += 1
            locks += event == "account_locked"
    return FailureHistory(consecutive, locks)


def lock_duration(locks_before: int, settings: StubSettings) -> timedelta:
    """15 minutes, then 30, 60… up to ``max_lock_minutes``."""
    minutes = settings.lock_minutes * 2 ** min(locks_before, 32)
    return timedelta(minutes=min(minutes, settings.max_lock_minutes))


def blocked(history: FailureHistory, settings: StubSettings) -> bool:
    """Locked until the password is reset."""
    return history.consecutive >= settings.max_consecutive_failures


@dataclass
class _Ghost:
    """What a known account would hold, for an identifier nobody has."""

    failures: int = 0
    consecutive: int = 0
    locks: int = 0
    locked_until: datetime | None = None


class Throttle:
    """The in-memory part: clients' windows and unknown identifiers. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[str, deque[datetime]] = {}
        self._ghosts: OrderedDict[str, _Ghost] = OrderedDict()

    def clear(self) -> None:
        with self._lock:
            self._clients.clear()
            self._ghosts.clear()

    # --- per client -----------------------------------------------------------------------

    def client_retry_after(self, client: str, now: datetime, settings: StubSettings) -> int | None:
        """Seconds before ``client`` may try again, or None when it may now."""
        window = timedelta(seconds=settings.client_window_seconds)
        with self._lock:
            failures = self._clients.get(client)
            if not failures:
                return None
            while failures and failures[0] <= now - window:
                failures.popleft()
            if len(failures) < settings.client_max_failures:
                return None
            wait = (failures[0] + window - now).total_seconds()
        return max(1, math.ceil(wait))

    def client_failed(self, client: str, now: datetime) -> None:
        with self._lock:
            self._clients.setdefault(client, deque()).append(now)

    # --- identifiers nobody has -------------------------------------------------------------

    def ghost_attempt(
        self, identifier: str, now: datetime, settings: StubSettings
    ) -> tuple[str, datetime | None]:
        """Count a failure for an unknown identifier, as ``auth.login`` does for an account.

        Returns ("blocked", None), ("locked", until) or ("invalid", None).
        """
        key = hashlib.sha256(identifier.encode()).hexdigest()
        with self._lock:
            ghost = self._ghosts.pop(key, None) or _Ghost()
            self._ghosts[key] = ghost
            while len(self._ghosts) > MAX_GHOSTS:
                self._ghosts.popitem(last=False)
            if ghost.consecutive >= settings.max_consecutive_failures:
                return "blocked", None
            if ghost.locked_until is not None and now < ghost.locked_until:
                return "locked", ghost.locked_until
            if ghost.locked_until is not None:
                ghost.failures, ghost.locked_until = 0, None
            ghost.failures += 1
            ghost.consecutive += 1
            if ghost.consecutive >= settings.max_consecutive_failures:
                return "blocked", None
            if ghost.failures >= settings.max_login_failures:
                ghost.locked_until = now + lock_duration(ghost.locks, settings)
                ghost.locks += 1
                return "locked", ghost.locked_until
            return "invalid", None
