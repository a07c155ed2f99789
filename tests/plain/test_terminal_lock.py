"""The line mode's terminal after a Ctrl-C that left its lock held (``plain/io.py``)."""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator
from types import FrameType

import pytest

from caf_tui.plain.io import Terminal


class Frozen(Exception):
    """The main thread was still blocked when the alarm rang."""


@pytest.fixture
def fails_if_frozen() -> Iterator[None]:
    """A blocked main thread is interrupted after a second: the test fails, it does not hang."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise Frozen

    before = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


@pytest.mark.usefixtures("fails_if_frozen")
def test_the_next_line_is_written_though_an_interrupt_left_the_lock_held() -> None:
    shown = io.StringIO()
    terminal = Terminal(io.StringIO(""), shown)
    # What an interrupt between the lock's acquire and its ``with`` block leaves behind.
    terminal._lock.acquire()
    terminal.say("Code du personnel (Entrée pour reprendre) :")
    assert "Code du personnel" in shown.getvalue()
