"""The stub's one clock: real time plus an offset, which QA can move or freeze."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def _system_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


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
            self._offset = as_utc(start) - base
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
        """Move the clock forward (or back, with a negative value) and return the new time."""
        step = timedelta(seconds=seconds)
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += step
                return self._frozen_at
            self._offset += step
            return self._source() + self._offset

    def set(self, moment: datetime) -> datetime:
        """Make ``now()`` answer ``moment`` (and go on from there unless frozen)."""
        target = as_utc(moment)
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
