"""The kiosk's clocks: the idle limit, its warning, and the absolute limit of one visit.

Pure logic over an injected monotonic clock, so tests move time instead of sleeping.
The wipe is due at whichever comes first: ``idle_seconds`` after the last key, or
``session_seconds`` after the visit began. The warning shows ``warning_seconds`` before it;
a key during the warning extends the visit unless the absolute limit is the one due.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

Monotonic = Callable[[], float]


class Phase(Enum):
    IDLE = "idle"  # nobody's visit is under way (the welcome screen)
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleStatus:
    phase: Phase
    #: Seconds until the wipe (0 once expired; meaningless when idle).
    remaining: float = 0.0
    #: False when the absolute limit is the one due: a key cannot extend it.
    extendable: bool = True


class IdleWatcher:
    """When the current visit must be wiped. ``start`` at the welcome's Enter, ``stop`` at
    the wipe; ``touch`` on every key or click."""

    def __init__(
        self,
        idle_seconds: float,
        warning_seconds: float,
        session_seconds: float,
        clock: Monotonic = time.monotonic,
    ) -> None:
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self.session_seconds = session_seconds
        self.clock = clock
        self._started: float | None = None
        self._last_activity = 0.0

    @property
    def running(self) -> bool:
        return self._started is not None

    def start(self) -> None:
        self._started = self._last_activity = self.clock()

    def stop(self) -> None:
        self._started = None

    def touch(self) -> None:
        """A key or a click: the person is there. Ignored once the wipe is due."""
        if self.running and self.status().phase is not Phase.EXPIRED:
            self._last_activity = self.clock()

    def status(self) -> IdleStatus:
        if self._started is None:
            return IdleStatus(Phase.IDLE)
        idle_deadline = self._last_activity + self.idle_seconds
        session_deadline = self._started + self.session_seconds
        remaining = min(idle_deadline, session_deadline) - self.clock()
        extendable = idle_deadline < session_deadline
        if remaining <= 0:
            return IdleStatus(Phase.EXPIRED, 0.0, extendable)
        if remaining <= self.warning_seconds:
            return IdleStatus(Phase.WARNING, remaining, extendable)
        return IdleStatus(Phase.ACTIVE, remaining, extendable)
