"""Time left until a deadline, counted locally each second against the server's clock."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from caf_tui.i18n import _


def format_duration(seconds: int) -> str:
    """``9 min 59 s``, or ``45 s`` under a minute."""
    minutes, rest = divmod(max(seconds, 0), 60)
    if minutes:
        return _("{m} min {s:02d} s").format(m=minutes, s=rest)
    return _("{s} s").format(s=rest)


def code_validity_text(seconds: int) -> str:
    return _("Code valable encore {duration}").format(duration=format_duration(seconds))


def code_expired_text() -> str:
    return _("Code expiré : demandez-en un nouveau.")


class Countdown(Static):
    """One line of text, repainted alone once a second; no request is made.

    ``running`` words the time left (in whole seconds, rounded up); ``finished`` is shown at 0,
    when ``Countdown.Expired`` is posted once.
    """

    DEFAULT_CSS = """
    Countdown {
        height: 1;
        width: 1fr;
    }
    """

    class Expired(Message):
        def __init__(self, countdown: Countdown) -> None:
            super().__init__()
            self.countdown = countdown

        @property
        def control(self) -> Countdown:
            return self.countdown

    def __init__(
        self,
        expires_at: datetime,
        now: Callable[[], datetime],
        *,
        running: Callable[[int], str] = code_validity_text,
        finished: Callable[[], str] = code_expired_text,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.expires_at = expires_at
        self.now = now
        self.running = running
        self.finished = finished
        self.expired = False
        self._text = ""
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self.tick()
        if not self.expired:
            self._timer = self.set_interval(1, self.tick)

    def seconds_left(self) -> int:
        return max(math.ceil((self.expires_at - self.now()).total_seconds()), 0)

    def text_at(self, seconds: int) -> str:
        return self.running(seconds) if seconds > 0 else self.finished()

    def tick(self) -> None:
        seconds = self.seconds_left()
        text = self.text_at(seconds)
        if text != self._text:
            self._text = text
            self.update(text, layout=False)
        if seconds == 0 and not self.expired:
            self.expired = True
            if self._timer is not None:
                self._timer.stop()
            self.post_message(self.Expired(self))
