"""The code's validity, said at a few moments only: at the start, 5 minutes left, 1 minute
left, expired. A screen reader would be flooded by a countdown read every second.

A background thread looks at the time left every ``tick`` seconds, computed locally from the
step's ``expires_at`` against the server's clock as the journey knows it: no request is made.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from caf_tui.i18n import _
from caf_tui.plain.wording import spoken_duration

#: Seconds left at which the validity is announced again (0: expired).
THRESHOLDS = (300, 60, 0)


def start_text(seconds: int) -> str:
    if seconds <= 0:
        return expired_text()
    return _("Ce code est valable {duration}.").format(duration=spoken_duration(seconds))


def remaining_text(seconds: int) -> str:
    return _("Le code est encore valable {duration}.").format(duration=spoken_duration(seconds))


def expired_text() -> str:
    return _("Le code a expiré : tapez 1 pour en demander un nouveau.")


class CodeValidityAnnouncer:
    """Use as a context manager around the questions of the code step."""

    def __init__(
        self,
        expires_at: datetime,
        now: Callable[[], datetime],
        say: Callable[[str], None],
        *,
        tick: float = 1.0,
    ) -> None:
        self.expires_at = expires_at
        self.now = now
        self.say = say
        self.tick = tick
        self._due = list(THRESHOLDS)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def seconds_left(self) -> int:
        return max(math.ceil((self.expires_at - self.now()).total_seconds()), 0)

    def start(self) -> None:
        """Say how long the code is valid, then watch the thresholds still ahead."""
        seconds = self.seconds_left()
        self._due = [threshold for threshold in THRESHOLDS if threshold < seconds]
        self.say(start_text(seconds))
        if self._due:
            self._thread = threading.Thread(
                target=self._watch, name="caf-plain-code-validity", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def check(self) -> None:
        """Announce the threshold just passed, once; when several were passed at once (the
        computer slept), only the latest."""
        seconds = self.seconds_left()
        passed = [threshold for threshold in self._due if seconds <= threshold]
        if not passed:
            return
        self._due = [threshold for threshold in self._due if threshold not in passed]
        self.say(expired_text() if seconds == 0 else remaining_text(seconds))

    def _watch(self) -> None:
        while self._due and not self._stop.wait(self.tick):
            self.check()

    def __enter__(self) -> CodeValidityAnnouncer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
