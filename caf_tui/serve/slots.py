"""How many visits the counter serves at once (``--max-sessions``): one app process each."""

from __future__ import annotations


class SessionSlots:
    """A count of app processes with a ceiling. ``take`` when a browser's websocket starts an
    app, ``give_back`` once that process has exited, so the count is never below the processes
    alive. ``limit`` None: no ceiling."""

    def __init__(self, limit: int | None) -> None:
        if limit is not None and limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self.in_use = 0

    @property
    def full(self) -> bool:
        return self.limit is not None and self.in_use >= self.limit

    def take(self) -> bool:
        if self.full:
            return False
        self.in_use += 1
        return True

    def give_back(self) -> None:
        self.in_use = max(0, self.in_use - 1)
