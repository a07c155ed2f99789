"""Time left until a deadline, counted locally each second against the server's clock."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from caf_tui.i18n import _

# Just after the second changes, so the tick never reads the second before.
_AFTER_THE_SECOND = 0.02
_NUMBERS = re.compile(r"\d(?:.*\d)?")


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


def split_numbers(text: str) -> tuple[str, str, str]:
    """The text before its first digit, from it to the last digit, and after:
    ``("Code valable encore ", "9 min 58", " s")``."""
    found = _NUMBERS.search(text)
    if found is None:
        return text, "", ""
    return text[: found.start()], found.group(), text[found.end() :]


def next_change_in(left: float) -> float:
    """Seconds until the whole seconds shown (rounded up) go down by one."""
    return left - math.ceil(left) + 1


class CountdownPart(Widget):
    """One piece of the countdown's line, as wide as its text."""

    DEFAULT_CSS = """
    CountdownPart {
        width: auto;
        height: 1;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self) -> Content:
        return Content(self.text)

    def show(self, text: str) -> None:
        if text != self.text:
            moved = cell_len(text) != cell_len(self.text)
            self.text = text
            self.refresh(layout=moved)


class Countdown(Static):
    """One line of text, drawn in three parts so a tick repaints only the part with the
    numbers (« 9 min 58 »), not the sentence: the terminal receives a few bytes a second.
    No request is made.

    ``running`` words the time left (in whole seconds, rounded up); ``finished`` is shown at 0,
    when ``Countdown.Expired`` is posted once. ``render()`` is the whole sentence (what is read).
    """

    DEFAULT_CSS = """
    Countdown {
        layout: horizontal;
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

    def compose(self) -> ComposeResult:
        self._text = self.text_at(self.seconds_left())
        for part in split_numbers(self._text):
            yield CountdownPart(part)

    def on_mount(self) -> None:
        self.tick()
        if not self.expired:
            # Tick as each second of the deadline passes: every countdown of a screen then
            # changes in the same frame, and none shows a second too many.
            left = (self.expires_at - self.now()).total_seconds()
            self.set_timer(next_change_in(left) + _AFTER_THE_SECOND, self._start_ticking)

    def _start_ticking(self) -> None:
        self.tick()
        if not self.expired:
            self._timer = self.set_interval(1, self.tick)

    def expire_now(self) -> None:
        """The server says the code has expired: its clock is ahead of what we last heard of
        it (an error answer carries no time), so show it expired now rather than count on."""
        if not self.expired:
            self.expires_at = min(self.expires_at, self.now())
            self.tick()

    def seconds_left(self) -> int:
        return max(math.ceil((self.expires_at - self.now()).total_seconds()), 0)

    def text_at(self, seconds: int) -> str:
        return self.running(seconds) if seconds > 0 else self.finished()

    def render(self) -> Content:
        # Under the parts, which draw the same text; this is what is read aloud or tested.
        return Content(self._text)

    def tick(self) -> None:
        seconds = self.seconds_left()
        text = self.text_at(seconds)
        if text != self._text:
            if cell_len(text) != cell_len(self._text):
                self.refresh()  # what shows past the parts: no longer the old text's end
            self._text = text
            for part, piece in zip(self.query(CountdownPart), split_numbers(text), strict=True):
                part.show(piece)
        if seconds == 0 and not self.expired:
            self.expired = True
            if self._timer is not None:
                self._timer.stop()
            self.post_message(self.Expired(self))
