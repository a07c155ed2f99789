"""The terminal, line by line: print a line, ask a question, read a password without echo.

Nothing here redraws, moves the cursor or colours anything: what is written is what a screen
reader or a braille display gets, in order. Writes are serialised so that a line printed from a
background thread (the code's validity) never cuts another line in two. The one exception is
``clear``: a kiosk's wipe, so that the next person cannot scroll back to the last one.
"""

from __future__ import annotations

import threading
from typing import Protocol, TextIO

from caf_tui.kiosk.clear import CLEAR_SEQUENCE as CLEAR_SEQUENCE  # the kiosk's, both modes
from caf_tui.plain.reader import LineReader, drop_typed_ahead, no_echo


class EndOfInput(Exception):
    """Standard input ended (Ctrl-D, or the end of a file or pipe)."""


class Waiter(Protocol):
    """Told how the waiting for an answer goes (the kiosk's idle limit)."""

    #: How often (seconds) ``waiting`` is called while no line comes.
    tick: float

    def waiting(self) -> None:
        """No line yet; may raise to stop waiting (the visit is over)."""

    def answered(self, line: str) -> bool:
        """A line came. True when it only said « I am still here »: ask again."""


class Terminal:
    """Standard input and output as lines. Thread-safe for writing."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self._stdin = stdin
        self._stdout = stdout
        self._reader = LineReader(stdin)
        # Re-entrant: a Ctrl-C that lands between the lock taken and its ``with`` block leaves
        # it held by the main thread, whose next line (« Code du personnel ») then waited on
        # itself for ever (a kiosk ignored its staff once, under load).
        self._lock = threading.RLock()
        self._pending_prompt: str | None = None
        self.waiter: Waiter | None = None

    @property
    def interactive(self) -> bool:
        """True when a person types at a terminal (passwords are then read without echo)."""
        try:
            return self._stdin.isatty()
        except (AttributeError, ValueError):
            return False

    def _write(self, text: str) -> None:
        with self._lock:
            self._stdout.write(text)
            self._stdout.flush()

    def say(self, *lines: str) -> None:
        """Print each line as it is."""
        self._write("".join(line + "\n" for line in lines))

    def blank(self) -> None:
        self.say("")

    def clear(self) -> None:
        """Erase the screen and its scrollback, and what was typed ahead (kiosk only)."""
        drop_typed_ahead(self._stdin)
        with self._lock:
            self._pending_prompt = None
        self._write(CLEAR_SEQUENCE)

    def announce(self, line: str) -> None:
        """Print a line while a question may be waiting: on a line of its own, then the
        question again, so that the person knows what is still asked."""
        with self._lock:
            if self._pending_prompt is None:
                self._stdout.write(line + "\n")
            else:
                self._stdout.write("\n" + line + "\n" + self._pending_prompt)
            self._stdout.flush()

    def stop_waiting(self) -> None:
        """The question printed last is no longer waited for: end its line. The line typed
        next answers the next question."""
        with self._lock:
            if self._pending_prompt is not None:
                self._pending_prompt = None
                self._stdout.write("\n")
                self._stdout.flush()

    def ask(self, prompt: str, *, secret: bool = False) -> str:
        """Print ``prompt`` and read one line (without its line end).

        ``secret`` reads without echo when a person types at a terminal; from a pipe or a file
        there is nothing to hide and the line is read as usual. Raises ``EndOfInput``.
        """
        while True:
            self.prompt(prompt)
            line = self.next_line(None, secret=secret)
            if line is not None:
                return line

    def prompt(self, prompt: str) -> None:
        """Print a question; ``next_line`` then waits for its answer."""
        question = prompt + " "
        with self._lock:
            self._stdout.write(question)
            self._stdout.flush()
            self._pending_prompt = question

    def next_line(self, seconds: float | None, *, secret: bool = False) -> str | None:
        """The answer to the question printed last, or None after ``seconds`` (or when the
        waiter says the line only meant « still here »). Raises ``EndOfInput``."""
        hide = secret and self.interactive
        waited = 0.0
        with no_echo(self._stdin, hide):
            while True:
                step = self.waiter.tick if self.waiter is not None else seconds
                if seconds is not None and step is not None:
                    step = min(step, seconds - waited)
                line = self._reader.read(step)
                if line is not None:
                    break
                waited += step or 0.0
                if self.waiter is not None:
                    self.waiter.waiting()
                if seconds is not None and waited >= seconds:
                    return None
        with self._lock:
            self._pending_prompt = None
            if hide or not self.interactive or not line:
                # The answer did not appear on the screen: keep the transcript readable.
                self._stdout.write("\n")
                self._stdout.flush()
        if not line:
            raise EndOfInput
        answer = line.rstrip("\r\n")
        if self.waiter is not None and self.waiter.answered(answer):
            return None
        return answer
