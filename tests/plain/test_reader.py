"""The line reader under a Ctrl-C: wherever it lands while a question waits, the question
hears it, and the next question gets the next line typed (no read lost, none taken ahead)."""

from __future__ import annotations

import io
import linecache
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

import pytest

from caf_tui.plain import reader as reader_module
from caf_tui.plain.reader import LineReader

READER_FILE = str(Path(reader_module.__file__).resolve())


@contextmanager
def typed_lines() -> Iterator[tuple[TextIO, TextIO]]:
    """A stream to read from, and the keyboard that types into it (a pipe: a read waits)."""
    read, write = os.pipe()
    with os.fdopen(read, "r") as stream, os.fdopen(write, "w") as keyboard:
        yield stream, keyboard


def type_line(keyboard: TextIO, line: str) -> None:
    keyboard.write(line + "\n")
    keyboard.flush()


def reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "caf-plain-input"]


@contextmanager
def at_each_reader_line(then: Callable[[int], None]) -> Iterator[None]:
    """``then(line number)`` before each line of the reader that this thread runs."""

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename == READER_FILE and event == "line":
            then(frame.f_lineno)
        return trace

    sys.settrace(trace)
    try:
        yield
    finally:
        sys.settrace(None)


def lines_of_a_waiting_read() -> list[int]:
    """The reader's lines a question runs while it waits for a line that does not come."""
    seen: list[int] = []
    with typed_lines() as (stream, _keyboard):
        reader = LineReader(stream)
        with at_each_reader_line(seen.append):
            reader.read(0.05)
    return sorted(set(seen))


@pytest.mark.parametrize("line", lines_of_a_waiting_read())
def test_a_ctrl_c_at_any_line_of_a_waiting_question_is_heard_and_loses_nothing(
    line: int,
) -> None:
    """The staff's Ctrl-C at the menu, landing at ``line`` of the reader (as a signal lands
    at any instruction), then the PIN typed at the next question. The menu's question hears
    it; or, when it lands as the question gives up waiting, the next question does."""
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    landed: list[int] = []

    def ctrl_c(at: int) -> None:
        if at == line and not landed:
            landed.append(line)
            signal.raise_signal(signal.SIGINT)

    with typed_lines() as (stream, keyboard):
        reader = LineReader(stream)
        with at_each_reader_line(ctrl_c):
            try:
                reader.read(0.2)
                heard_by_the_next = True  # it landed as the question gave up
            except KeyboardInterrupt:
                heard_by_the_next = False
            if heard_by_the_next:
                with pytest.raises(KeyboardInterrupt):
                    reader.read(5.0)
        assert landed == [line]
        # Python's own handler is back: a Ctrl-C outside a question raises as usual.
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        type_line(keyboard, "4826")
        assert reader.read(5.0) == "4826\n"
        assert reader.read(0.05) is None  # nothing more was read than was typed
        assert len(reader_threads()) <= 1  # one read in flight at most: the last question's


class InterruptedStart:
    """``Thread.start`` as a Ctrl-C cuts it the first time, before the thread runs or once it
    runs, outside a question's handler (another thread's reader, or a handler of the
    program's own): the kiosk once waited for a reader that had never started."""

    def __init__(self, before: bool) -> None:
        self.before = before
        self.started: list[threading.Thread] = []
        self._start = threading.Thread.start

    def __call__(self, thread: threading.Thread) -> None:
        first = not self.started
        self.started.append(thread)
        if first and self.before:
            raise KeyboardInterrupt
        self._start(thread)
        if first:
            raise KeyboardInterrupt


@pytest.mark.parametrize("landing", ["before-the-thread-runs", "once-it-runs"])
def test_a_reader_cut_as_it_starts_leaves_the_next_question_heard(
    monkeypatch: pytest.MonkeyPatch, landing: str
) -> None:
    with typed_lines() as (stream, keyboard):
        reader = LineReader(stream)
        start = InterruptedStart(landing == "before-the-thread-runs")
        monkeypatch.setattr(threading.Thread, "start", lambda thread: start(thread))
        with pytest.raises(KeyboardInterrupt):
            reader.read(0.1)
        type_line(keyboard, "4826")
        assert reader.read(5.0) == "4826\n"
        # One reader for one line: a second one would have taken a line not yet asked for.
        assert len([thread for thread in start.started if thread.ident]) == 1


def test_a_ctrl_c_pressed_as_a_line_arrives_is_heard_at_the_next_question() -> None:
    with typed_lines() as (stream, keyboard):
        reader = LineReader(stream)
        assert reader.read(0.05) is None  # a question that gave up: its read stays pending
        type_line(keyboard, "1")

        pressed: list[int] = []

        def ctrl_c_once_taken(at: int) -> None:
            if not pressed and "return result" in linecache.getline(READER_FILE, at):
                pressed.append(at)
                signal.raise_signal(signal.SIGINT)  # the line is taken, the Ctrl-C comes

        with at_each_reader_line(ctrl_c_once_taken):
            assert reader.read(5.0) == "1\n"
        assert pressed
        with pytest.raises(KeyboardInterrupt):
            reader.read(5.0)


def test_outside_the_main_thread_nothing_is_changed() -> None:
    seen: list[object] = []

    def question() -> None:
        seen.append(LineReader(io.StringIO("bonjour\n")).read(2.0))
        seen.append(signal.getsignal(signal.SIGINT))

    worker = threading.Thread(target=question)
    worker.start()
    worker.join(5)
    assert seen == ["bonjour\n", signal.default_int_handler]


def test_a_line_is_still_read() -> None:
    assert LineReader(io.StringIO("bonjour\n")).read(2.0) == "bonjour\n"
