"""The line reader under a Ctrl-C: what the person pressed reaches the kiosk, not an error of
the queue's lock."""

from __future__ import annotations

import io
import queue

import pytest

from caf_tui.plain.reader import LineReader


class InterruptedQueue(queue.Queue[str | BaseException]):
    """As a Queue whose wait was cut by a Ctrl-C while it took its lock back: its ``with``
    then failed to release the lock it no longer held."""

    def get(self, block: bool = True, timeout: float | None = None) -> str | BaseException:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("release unlocked lock")  # noqa: B904 (as threading raises it)


def test_a_ctrl_c_inside_the_queue_s_wait_arrives_as_a_ctrl_c() -> None:
    reader = LineReader(io.StringIO(""))
    reader._results = InterruptedQueue()
    with pytest.raises(KeyboardInterrupt):
        reader.read(0.1)


def test_another_runtime_error_is_left_as_it_is() -> None:
    class Broken(queue.Queue[str | BaseException]):
        def get(self, block: bool = True, timeout: float | None = None) -> str | BaseException:
            raise RuntimeError("autre chose")

    reader = LineReader(io.StringIO(""))
    reader._results = Broken()
    with pytest.raises(RuntimeError, match="autre chose"):
        reader.read(0.1)


def test_a_line_is_still_read() -> None:
    assert LineReader(io.StringIO("bonjour\n")).read(2.0) == "bonjour\n"
