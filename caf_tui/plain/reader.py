"""Reading standard input one line at a time, with a time limit, and without echo.

A line is read in a helper thread only when a question wants one, so nothing typed ahead is
taken from the stream before it is asked for. A question that gives up waiting (a kiosk's idle
limit, FranceConnect polled in a browser) leaves that read pending: the line typed next answers
the next question. Waiting is done in short slices so that Ctrl-C is felt at once.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from typing import TextIO

#: How long (seconds) one slice of waiting lasts when no limit is set.
SLICE = 0.5


class LineReader:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._results: queue.Queue[str | BaseException] = queue.Queue()
        self._pending = False

    def read(self, timeout: float | None = None) -> str | None:
        """The next line (``""`` at the end of input), or None after ``timeout`` seconds."""
        if not self._pending:
            self._pending = True
            threading.Thread(target=self._read_one, name="caf-plain-input", daemon=True).start()
        while True:
            try:
                result = self._results.get(timeout=SLICE if timeout is None else timeout)
            except queue.Empty:
                if timeout is None:
                    continue
                return None
            except RuntimeError as error:
                raise _ctrl_c_behind(error) from None
            self._pending = False
            if isinstance(result, BaseException):
                raise result
            return result

    def _read_one(self) -> None:
        try:
            self._results.put(self._stream.readline())
        except BaseException as error:  # handed to the question that waits
            self._results.put(error)


def _ctrl_c_behind(error: RuntimeError) -> BaseException:
    """A Ctrl-C (KeyboardInterrupt) that lands while the queue takes its lock back after a
    wait leaves it unheld, and leaving the ``with`` then fails with « release unlocked lock »:
    that error, not the Ctrl-C, reached the kiosk, which crashed (once in a full run, under
    load). The Ctrl-C is what happened: it is raised instead. The queue stays usable (its lock
    is free; a wait it then misses ends at its slice)."""
    cause = error.__context__
    return cause if isinstance(cause, KeyboardInterrupt) else error


@contextlib.contextmanager
def no_echo(stream: TextIO, hide: bool) -> Iterator[None]:
    """Switch the terminal's echo off while a secret is typed (as ``getpass`` does)."""
    if not hide:
        yield
        return
    try:
        import termios

        descriptor = stream.fileno()
        before = termios.tcgetattr(descriptor)
    except (ImportError, OSError, ValueError):
        yield  # no terminal settings to change: nothing is echoed by us anyway
        return
    hidden = list(before)
    hidden[3] &= ~termios.ECHO
    termios.tcsetattr(descriptor, termios.TCSAFLUSH, hidden)
    try:
        yield
    finally:
        termios.tcsetattr(descriptor, termios.TCSAFLUSH, before)


def drop_typed_ahead(stream: TextIO) -> None:
    """Forget what was typed but not yet sent (a kiosk's wipe: it was the last person's)."""
    with contextlib.suppress(ImportError, OSError, ValueError):
        import termios

        termios.tcflush(stream.fileno(), termios.TCIFLUSH)
