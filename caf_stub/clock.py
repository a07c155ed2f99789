"""The stub's one clock: real time plus an offset, which QA can move or freeze.

The clock stays within ``EARLIEST`` and ``LATEST``: far enough from the ends of ``datetime``
that every sum the stub makes from it (a code's expiry, a session's end, a lock) stays a valid
date, and wide enough for any scenario of the portal.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2099, 12, 31, 23, 59, 59, tzinfo=UTC)
RANGE_WORDS = "du 1er janvier 2000 au 31 décembre 2099 (UTC)"


class ClockOutOfRange(ValueError):
    """A time, or a move, that would take the clock out of its range; ``message`` in French
    says the range."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _system_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def in_range(moment: datetime) -> datetime:
    """``moment`` in UTC if the clock may show it; else ClockOutOfRange."""
    refusal = ClockOutOfRange(
        f"L'horloge du service accepte une date {RANGE_WORDS} : choisissez une date dans "
        "cette plage."
    )
    try:
        target = as_utc(moment)
    except OverflowError:  # e.g. 9999-12-31T23:00-05:00, past the end of datetime in UTC
        raise refusal from None
    if not EARLIEST <= target <= LATEST:
        raise refusal
    return target


def _checked_move(current: datetime, seconds: float) -> timedelta:
    """The move of ``seconds`` from ``current`` if it keeps the clock in range."""
    behind = (EARLIEST - current).total_seconds()
    ahead = (LATEST - current).total_seconds()
    if not math.isfinite(seconds) or not behind <= seconds <= ahead:
        raise ClockOutOfRange(
            f"L'horloge du service accepte une date {RANGE_WORDS} : depuis l'heure actuelle, "
            f"avancez-la d'un nombre de secondes entre {math.ceil(behind)} et "
            f"{math.floor(ahead)}."
        )
    return timedelta(seconds=seconds)


class Clock:
    """Aware UTC time for everything in the stub. Thread-safe.

    Running, ``now()`` is the system time shifted by an offset; frozen, it is a fixed instant
    that only ``advance`` and ``set`` move.
    """

    def __init__(
        self,
        start: datetime | None = None,
        *,
        frozen: bool = False,
        source: Callable[[], datetime] = _system_now,
    ) -> None:
        self._lock = threading.Lock()
        self._source = source
        self._offset = timedelta(0)
        self._frozen_at: datetime | None = None
        base = source()
        if start is not None:
            self._offset = in_range(start) - base
        if frozen:
            self._frozen_at = base + self._offset

    def now(self) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return self._source() + self._offset

    @property
    def frozen(self) -> bool:
        with self._lock:
            return self._frozen_at is not None

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward (or back, with a negative value) and return the new time.

        ClockOutOfRange, and the clock unmoved, if that would leave its range."""
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += _checked_move(self._frozen_at, seconds)
                return self._frozen_at
            base = self._source()
            self._offset += _checked_move(base + self._offset, seconds)
            return base + self._offset

    def set(self, moment: datetime) -> datetime:
        """Make ``now()`` answer ``moment`` (and go on from there unless frozen).

        ClockOutOfRange, and the clock unmoved, if ``moment`` is out of its range."""
        target = in_range(moment)
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at = target
            else:
                self._offset = target - self._source()
            return target

    def freeze(self) -> datetime:
        """Stop the clock at the current time."""
        with self._lock:
            if self._frozen_at is None:
                self._frozen_at = self._source() + self._offset
            return self._frozen_at

    def unfreeze(self) -> datetime:
        """Let the clock run again from where it stood."""
        with self._lock:
            if self._frozen_at is not None:
                self._offset = self._frozen_at - self._source()
                self._frozen_at = None
            return self._source() + self._offset
