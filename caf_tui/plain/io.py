"""The terminal, line by line: print a line, ask a question, read a password without echo.

Nothing here redraws, moves the cursor or colours anything: what is written is what a screen
reader or a braille display gets, in order. Writes are serialised so that a line printed from a
background thread (the code's validity) never cuts another line in two.
"""

from __future__ import annotations

import getpass
import threading
from typing import TextIO


class EndOfInput(Exception):
    """Standard input ended (Ctrl-D, or the end of a file or pipe)."""


class Terminal:
    """Standard input and output as lines. Thread-safe for writing."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self._stdin = stdin
        self._stdout = stdout
        self._lock = threading.Lock()
        self._pending_prompt: str | None = None

    @property
    def interactive(self) -> bool:
        """True when a person types at a terminal (passwords are then read without echo)."""
        try:
            return self._stdin.isatty()
        except (AttributeError, ValueError):
            return False

    def say(self, *lines: str) -> None:
        """Print each line as it is."""
        with self._lock:
            for line in lines:
                self._stdout.write(line + "\n")
            self._stdout.flush()

    def blank(self) -> None:
        self.say("")

    def announce(self, line: str) -> None:
        """Print a line while a question may be waiting: on a line of its own, then the
        question again, so that the person knows what is still asked."""
        with self._lock:
            if self._pending_prompt is None:
                self._stdout.write(line + "\n")
            else:
                self._stdout.write("\n" + line + "\n" + self._pending_prompt)
            self._stdout.flush()

    def ask(self, prompt: str, *, secret: bool = False) -> str:
        """Print ``prompt`` and read one line (without its line end).

        ``secret`` reads without echo when a person types at a terminal; from a pipe or a file
        there is nothing to hide and the line is read as usual. Raises ``EndOfInput``.
        """
        question = prompt + " "
        if secret and self.interactive:
            return self._ask_secret(question)
        with self._lock:
            self._stdout.write(question)
            self._stdout.flush()
            self._pending_prompt = question
        try:
            line = self._stdin.readline()
        finally:
            with self._lock:
                self._pending_prompt = None
        if not line:
            with self._lock:
                self._stdout.write("\n")
                self._stdout.flush()
            raise EndOfInput
        if not self.interactive:
            # The answer did not appear on the screen: keep the transcript readable.
            with self._lock:
                self._stdout.write("\n")
                self._stdout.flush()
        return line.rstrip("\r\n")

    def _ask_secret(self, question: str) -> str:
        with self._lock:
            self._stdout.flush()
        try:
            return getpass.getpass(question, stream=self._stdout)
        except EOFError as exc:
            raise EndOfInput from exc
