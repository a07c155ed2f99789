"""Reading standard input one line at a time, with a time limit, and without echo.

A line is read in a helper thread only when a question wants one, so nothing typed ahead is
taken from the stream before it is asked for. A question that gives up waiting (a kiosk's idle
limit, FranceConnect polled in a browser) leaves that read pending: the line typed next answers
the next question.

A Ctrl-C pressed while a question waits is handed to it as its answer, not raised wherever
the main thread happens to be: Python raises ``KeyboardInterrupt`` at any instruction, and one
that landed inside the queue's lock, between a read marked pending and its thread started, or
in a weakref callback (where Python prints it and drops it) left the kiosk deaf to its staff
or waiting for ever (each seen under load). Outside a question, Ctrl-C raises as usual.
"""

from __future__ import annotations

import contextlib
import queue
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TextIO

#: How long (seconds) one slice of waiting lasts when no limit is set.
SLICE = 0.5

#: What the reader thread and Ctrl-C hand to the question that waits. A SimpleQueue: its put
#: may be called from a signal handler that interrupts its own get (the C queue is reentrant;
#: ``queue.Queue`` would deadlock on its lock).
Results = queue.SimpleQueue[str | BaseException]


class _OneLine(threading.Thread):
    """Reads one line into ``results``, then ends."""

    def __init__(self, stream: TextIO, results: Results) -> None:
        super().__init__(name="caf-plain-input", daemon=True)
        self._stream = stream
        self._results = results
        #: Set before the line is handed over: once it is taken, this read is over.
        self.delivered = False

    def run(self) -> None:
        result: str | BaseException
        try:
            result = self._stream.readline()
        except BaseException as error:  # handed to the question that waits
            result = error
        self.delivered = True
        self._results.put(result)


class LineReader:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._results: Results = queue.SimpleQueue()
        self._reading: _OneLine | None = None

    def _read_pending(self) -> bool:
        """A line was asked for and has not been taken yet: read from the reader itself rather
        than from a flag of ours, which a Ctrl-C could leave set with no thread behind it."""
        reading = self._reading
        in_flight = reading is not None and reading.is_alive() and not reading.delivered
        return in_flight or not self._results.empty()

    def read(self, timeout: float | None = None) -> str | None:
        """The next line (``""`` at the end of input), or None after ``timeout`` seconds.
        Raises ``KeyboardInterrupt`` for a Ctrl-C pressed while it waited."""
        with _ctrl_c_as_an_answer(self._results):
            if not self._read_pending():
                self._reading = _OneLine(self._stream, self._results)
                self._reading.start()
            while True:
                try:
                    result = self._results.get(timeout=SLICE if timeout is None else timeout)
                except queue.Empty:
                    if timeout is None:
                        continue
                    return None
                if isinstance(result, BaseException):
                    raise result
                return result


@contextlib.contextmanager
def _ctrl_c_as_an_answer(results: Results) -> Iterator[None]:
    """While a question waits, a Ctrl-C is put in ``results`` (raised by the question when it
    takes it) instead of raised at whatever instruction runs. Only where Ctrl-C would raise:
    in the main thread (the only one Python signals), with Python's own handler in place (the
    line mode's ``ctrl_c_heard``)."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return

    def heard(signal_number: int, frame: FrameType | None) -> None:
        results.put(KeyboardInterrupt())

    signal.signal(signal.SIGINT, heard)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


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
