"""The stub's one clock: real time plus an offset, which QA can move or freeze.

The clock stays within ``EARLIEST`` and ``LATEST``: far enough from the ends of ``datetime``
that every sum the stub makes from it (a code's expiry, a session's end, a lock) stays a valid
date, and wide enough for any scenario of the portal.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Protocol

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


class SharedClockState(Protocol):
    """Where a clock's offset and frozen instant live when every worker must see them (the
    store: ``clock_state``, ``write_clock_state``, ``transaction``)."""

    def clock_state(self) -> tuple[timedelta, datetime | None] | None: ...

    def write_clock_state(
        self, offset: timedelta, frozen_at: datetime | None, *, only_if_absent: bool = False
    ) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...


State = tuple[timedelta, datetime | None]


class Clock:
    """Aware UTC time for everything in the stub. Thread-safe.

    Running, ``now()`` is the system time shifted by an offset; frozen, it is a fixed instant
    that only ``advance`` and ``set`` move. Once ``share``d, the offset and the frozen instant
    are kept in the database: every worker reads the same time, a restart keeps it.
    """

    def __init__(
        self,
        start: datetime | None = None,
        *,
        frozen: bool = False,
        source: Callable[[], datetime] = _system_now,
    ) -> None:
        self._lock = threading.RLock()
        self._source = source
        self._shared: SharedClockState | None = None
        base = source()
        offset = timedelta(0) if start is None else in_range(start) - base
        self._state: State = (offset, base + offset if frozen else None)

    def share(self, shared: SharedClockState) -> None:
        """Keep the state in ``shared`` from now on: the one already there (a restart, another
        worker) wins over this clock's own."""
        with self._lock, shared.transaction():
            shared.write_clock_state(*self._state, only_if_absent=True)
            self._shared = shared

    def _read(self) -> State:
        if self._shared is not None:
            found = self._shared.clock_state()
            if found is not None:
                return found
        return self._state

    @contextmanager
    def _changing(self) -> Iterator[list[State]]:
        """The state to change (one item list), written back on the way out, with no other
        change between (a lock, and the store's write transaction when shared)."""
        with self._lock:
            if self._shared is None:
                box = [self._state]
                yield box
                self._state = box[0]
                return
            with self._shared.transaction():
                box = [self._read()]
                yield box
                self._state = box[0]
                self._shared.write_clock_state(*box[0])

    def now(self) -> datetime:
        offset, frozen_at = self._read()
        if frozen_at is not None:
            return frozen_at
        return self._source() + offset

    @property
    def frozen(self) -> bool:
        return self._read()[1] is not None

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward (or back, with a negative value) and return the new time.

        ClockOutOfRange, and the clock unmoved, if that would leave its range."""
        with self._changing() as state:
            offset, frozen_at = state[0]
            if frozen_at is not None:
                frozen_at += _checked_move(frozen_at, seconds)
                state[0] = (offset, frozen_at)
                return frozen_at
            base = self._source()
            offset += _checked_move(base + offset, seconds)
            state[0] = (offset, None)
            return base + offset

    def set(self, moment: datetime) -> datetime:
        """Make ``now()`` answer ``moment`` (and go on from there unless frozen).

        ClockOutOfRange, and the clock unmoved, if ``moment`` is out of its range."""
        target = in_range(moment)
        with self._changing() as state:
            offset, frozen_at = state[0]
            if frozen_at is not None:
                state[0] = (offset, target)
            else:
                state[0] = (target - self._source(), None)
            return target

    def freeze(self) -> datetime:
        """Stop the clock at the current time."""
        with self._changing() as state:
            offset, frozen_at = state[0]
            if frozen_at is None:
                frozen_at = self._source() + offset
                state[0] = (offset, frozen_at)
            return frozen_at

    def unfreeze(self) -> datetime:
        """Let the clock run again from where it stood."""
        with self._changing() as state:
            offset, frozen_at = state[0]
            if frozen_at is not None:
                offset = frozen_at - self._source()
                state[0] = (offset, None)
            return self._source() + offset
