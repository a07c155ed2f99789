"""The line mode run in a thread for the replayer, with a standard input that waits for the
replayer's answers and a standard output it can read while the line mode runs. The line mode's
prompter tells the session what each question asks, by id (``Asked``), and which field each
error is about: the replayer answers and checks by these ids."""

from __future__ import annotations

import io
import threading
import time

from caf_tui.config import Settings
from caf_tui.plain import run_plain
from caf_tui.plain.prompts import Asked
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.observed import ObservedBackend

PROMPT_TIMEOUT = 20.0


class _Input(io.StringIO):
    """Standard input that hands out the replayer's answers, one a question."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = threading.Condition()
        self._lines: list[str] = []
        self.asked = 0

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]
        with self._changed:
            self.asked += 1
            self._changed.notify_all()
            while not self._lines:
                self._changed.wait()
            return self._lines.pop(0)

    def send(self, line: str) -> None:
        with self._changed:
            self._lines.append(line)
            self._changed.notify_all()

    def wait_asked(self, count: int, alive: threading.Thread, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.asked < count:
                if not alive.is_alive():
                    return False
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StepFailed(
                        f"le mode ligne à ligne ne pose plus de question ({timeout} s)"
                    )
                self._changed.wait(min(left, 0.05))
        return True


class _Output(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._text = ""

    def write(self, text: str, /) -> int:
        with self._lock:
            self._text += text
        return len(text)

    @property
    def text(self) -> str:
        with self._lock:
            return self._text


class PlainSession:
    """One run of the line mode, in a thread."""

    def __init__(self, url: str) -> None:
        self.backend = ObservedBackend(url, label="replay")
        self.stdin, self.stdout = _Input(), _Output()
        self.answered = 0
        self._lock = threading.Lock()
        #: Each question asked, with where the output was when it was asked.
        self._asked: list[tuple[int, Asked]] = []
        #: Each error said: where, its field's id, the answer said back with it.
        self._refused: list[tuple[int, str, str | None]] = []
        self.thread = threading.Thread(target=self._run, name="plain-replay", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        settings = Settings.model_validate({"plain": True, "remember": False})
        run_plain(settings, stdin=self.stdin, stdout=self.stdout, backend=self.backend, watch=self)

    # --- the prompter's watch (called from the line mode's thread) ---------------------------

    def asking(self, asked: Asked) -> None:
        with self._lock:
            self._asked.append((len(self.stdout.text), asked))

    def refused(self, field: str, typed: str | None) -> None:
        with self._lock:
            self._refused.append((len(self.stdout.text), field, typed))

    @property
    def waiting(self) -> Asked:
        """The question now waited for (call once ``wait_question`` said there is one)."""
        with self._lock:
            return self._asked[-1][1] if self._asked else Asked()

    def asked_since(self, mark: int) -> list[Asked]:
        with self._lock:
            return [asked for at, asked in self._asked if at >= mark]

    def refused_since(self, mark: int) -> list[tuple[str, str | None]]:
        with self._lock:
            return [(field, typed) for at, field, typed in self._refused if at >= mark]

    @property
    def alive(self) -> bool:
        return self.thread.is_alive()

    def wait_question(self) -> bool:
        """True once the line mode waits for an answer; False when it has ended."""
        return self.stdin.wait_asked(self.answered + 1, self.thread, PROMPT_TIMEOUT)

    def answer(self, line: str) -> None:
        self.answered += 1
        self.stdin.send(line + "\n")

    def stop(self) -> None:
        if self.thread.is_alive():
            self.stdin.send("")
            self.thread.join(10)
