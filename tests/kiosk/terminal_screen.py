"""What a person sees in a real terminal (a pty driven by pexpect), read through pyte, a
terminal emulator: the screen's text and each cell's colours. A key is typed only once the
screen shows where it will go: the focused field draws its cursor, a focused button is drawn in
reverse video."""

from __future__ import annotations

import time

import pexpect
import pyte


class TerminalScreen:
    def __init__(self, child: pexpect.spawn, timeout: float) -> None:
        self.child = child
        self.timeout = timeout
        rows, columns = child.getwinsize()
        self.screen = pyte.Screen(columns, rows)
        self._stream = pyte.Stream(self.screen)
        #: Everything the app wrote, as written (escape sequences included).
        self.written = ""

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _read(self) -> bool:
        """Feed what the app wrote since the last read; False once it has left."""
        try:
            data = self.child.read_nonblocking(65536, timeout=0.05)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        self.written += data
        self._stream.feed(data)
        return True

    def wait_until(self, shown: object, what: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not shown():  # type: ignore[operator]
            alive = self._read()
            if shown():  # type: ignore[operator]
                return
            assert alive, f"the app left before {what}:\n{self.text()}"
            assert time.monotonic() < deadline, f"no {what} in {self.timeout} s:\n{self.text()}"

    def wait_for(self, words: str) -> None:
        self.wait_until(lambda: words in self.text(), f"« {words} »")

    def wait_for_written(self, sequence: str) -> None:
        """Until the app has written ``sequence`` (an escape sequence, say) since the start."""
        self.wait_until(lambda: sequence in self.written, repr(sequence))

    def _row_of(self, words: str) -> int | None:
        return next((y for y, line in enumerate(self.screen.display) if words in line), None)

    def wait_for_field_below(self, label: str, within: int = 3) -> None:
        """Until the field drawn under ``label`` shows its cursor, Textual's block in the
        text's colour (the label's): that field has the focus. (The terminal's own cursor
        says nothing: a field focused before the first layout leaves it at the top.)"""

        def focused() -> bool:
            row = self._row_of(label)
            if row is None:
                return False
            ink = self.screen.buffer[row][self.screen.display[row].index(label)].fg
            below = range(row + 1, min(row + within + 1, self.screen.lines))
            return any(cell.bg == ink for y in below for cell in self.screen.buffer[y].values())

        self.wait_until(focused, f"focused field under « {label} »")

    def wait_for_focused_button(self, label: str) -> None:
        """Until the button ``label`` is drawn in reverse video: it has the focus."""

        def focused() -> bool:
            row = self._row_of(label)
            if row is None:
                return False
            start = self.screen.display[row].index(label)
            cells = self.screen.buffer[row]
            return all(cells[x].reverse for x in range(start, start + len(label)))

        self.wait_until(focused, f"focused button « {label} »")
