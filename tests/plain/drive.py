"""Driving the line mode as a person would: answers in, transcript out."""

from __future__ import annotations

import io
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import httpx
import pexpect

from caf_stub import RunningStub
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.plain import run_plain

KARIM_NIR = "1 83 05 99 999 011 72"
KARIM_LEGACY = "83051234"
KARIM_NEW = "Karim2024"
PAUL_NIR = "1 78 02 99 999 015 71"
PAUL_PASSWORD = "Leroy1978"
CODE = "123456"
LUCAS_NIR = "1 10 05 99 999 013 58"
LUCAS_PASSWORD = "Lucas2026"
CREATE = "4"  # « Créer Mon Compte » on the login menu


def after_signup(password: str, email: str, *, by_email: bool = False) -> list[str]:
    """The answers once « Créer Mon Compte » has sent the form: the code, the terms, the
    password twice, the contact details (none on file), the code again, then logged out."""
    return [
        CODE,  # the code the file holder received
        "1",  # accept the terms
        password,
        password,
        "1",  # Modifier mes coordonnées (none on file)
        "06 15 00 00 09",
        email,
        "2" if by_email else "1",  # by e-mail or by SMS
        CODE,
        "1",  # Continuer
        "1",  # Se déconnecter
    ]


#: Box drawing, block elements and the like: none of it is for a braille display.
DRAWING = re.compile("[\u2500-\u259f\u25a0-\u25ff]")


def settings() -> Settings:
    return Settings.model_validate({"plain": True})


def run(stub: RunningStub | str, answers: Sequence[str]) -> tuple[int, str]:
    """Run the line mode against ``stub`` (or a URL) with ``answers`` as standard input (not a
    terminal); return the exit status and the transcript."""
    url = stub if isinstance(stub, str) else stub.url
    stdin = io.StringIO("".join(f"{answer}\n" for answer in answers))
    stdout = io.StringIO()
    status = run_plain(settings(), stdin=stdin, stdout=stdout, backend=HttpBackend(url))
    return status, stdout.getvalue()


def finished(stub: RunningStub | str, answers: Sequence[str]) -> str:
    """``run``, which must end well (status 0, the transcript shown if not): the transcript."""
    status, out = run(stub, answers)
    assert status == 0, out
    return out


def in_order(out: str, *texts: str) -> None:
    """Each of ``texts`` appears in ``out``, each after the one before."""
    position = 0
    for text in texts:
        found = out.find(text, position)
        assert found >= 0, f"{text!r} missing after position {position}:\n{out[position:]}"
        position = found + len(text)


def assert_plain(transcript: str, *secrets: str) -> None:
    """Nothing a screen reader would stumble on, and no password ever written."""
    assert "\x1b" not in transcript
    assert not DRAWING.search(transcript), DRAWING.findall(transcript)
    assert "\r" not in transcript
    for secret in secrets:
        assert secret not in transcript


def login_answers(identifier: str, password: str) -> list[str]:
    return ["1", identifier, password]


def karim_to_code(failing_password: str = "motdepasse") -> list[str]:
    """Karim from the login to the code prompt (SMS), a refused password on the way."""
    return [
        *login_answers(KARIM_NIR, KARIM_LEGACY),
        "1",  # Commencer
        "1",  # Oui, je les accepte
        failing_password,
        KARIM_NEW,
        KARIM_NEW,
        "1",  # SMS
    ]


class LineFeed(io.StringIO):
    """Standard input that waits for the test to type, as a person at a terminal would."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: queue.Queue[str] = queue.Queue()

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]
        return self._lines.get(timeout=30)

    def type(self, *answers: str) -> None:
        for answer in answers:
            self._lines.put(answer + "\n")

    def end(self) -> None:
        self._lines.put("")


class Screen(io.StringIO):
    """Standard output that the test can wait on."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._changed = threading.Condition()

    def write(self, text: str, /) -> int:
        with self._changed:
            self._text += text
            self._changed.notify_all()
        return len(text)

    @property
    def text(self) -> str:
        with self._changed:
            return self._text

    def wait_for(self, needle: str, count: int = 1, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._text.count(needle) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{needle!r} ×{count} never shown:\n{self._text}")
                self._changed.wait(left)


class TestClock:
    """The computer's clock, moved by the test in step with the stub's."""

    __test__ = False

    def __init__(self) -> None:
        self._now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


def advance_both(stub: RunningStub, clock: TestClock, seconds: float) -> None:
    """Time passes for the server (its control API) and for the computer alike."""
    httpx.post(f"{stub.url}/_stub/clock", json={"advance_seconds": seconds}).raise_for_status()
    clock.advance(seconds)


class Session:
    """The line mode running in a thread, typed at by the test while it waits."""

    def __init__(
        self,
        stub: RunningStub,
        *,
        tick: float = 0.01,
        options: Settings | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stdin = LineFeed()
        self.screen = Screen()
        self.clock = TestClock()
        self.backend = HttpBackend(stub.url)
        self.status: int | None = None
        self._thread = threading.Thread(
            target=self._run,
            args=(options or settings(), tick, monotonic),
            name="plain-under-test",
            daemon=True,
        )
        self._thread.start()

    def _run(self, options: Settings, tick: float, monotonic: Callable[[], float]) -> None:
        self.status = run_plain(
            options,
            stdin=self.stdin,
            stdout=self.screen,
            backend=self.backend,
            clock=self.clock,
            tick=tick,
            monotonic=monotonic,
        )

    def join(self, timeout: float = 10) -> int | None:
        self._thread.join(timeout)
        assert not self._thread.is_alive(), self.screen.text
        return self.status


class Typist:
    """Types at a ``Session`` as a person reads: each answer once its question is on screen."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.mark = 0

    def since(self) -> str:
        return self.session.screen.text[self.mark :]

    def wait(self, needle: str, timeout: float = 10) -> str:
        """The text since the last answer, once ``needle`` is in it."""
        deadline = time.monotonic() + timeout
        while needle not in self.since():
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} never shown:\n{self.since()}")
            time.sleep(0.01)
        return self.since()

    def type(self, answer: str, after: str) -> None:
        self.wait(after)
        self.mark = len(self.session.screen.text)
        self.session.stdin.type(answer)

    def choose(self, option: str) -> None:
        """The number of ``option`` in the menu on screen."""
        said = self.wait(f". {option}\n")
        found = re.findall(rf"^(\d+)\. {re.escape(option)}$", said, re.MULTILINE)
        self.type(found[-1], f". {option}\n")


@contextmanager
def recorded(child: pexpect.spawn) -> Iterator[io.StringIO]:
    """Everything ``child`` writes to its terminal, kept as it comes; the child is closed
    however the block ends, so a failed expectation leaves no process behind."""
    seen = io.StringIO()
    child.logfile_read = seen
    try:
        yield seen
    finally:
        child.close(force=True)
