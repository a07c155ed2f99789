"""When and how the HTTP client tries a request again, and the key that makes it safe.

Only requests that cannot act twice are retried: ``GET`` (and ``HEAD``/``PUT``, idempotent by
definition) and ``POST`` requests that carry an ``Idempotency-Key``, which the server answers a
second time with its first answer. A retry waits with capped exponential backoff and full jitter
(AWS's "Exponential Backoff And Jitter"), so that many clients cut off together do not come back
together.

One key stands for one *action of the person* (a press on « Valider », « Demander un nouveau
code »…): ``action_key`` sets it for everything the action sends, and « Réessayer » reuses it, so
that a code is never sent twice because an answer was lost on the way.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

IDEMPOTENCY_HEADER = "Idempotency-Key"

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

#: Answers that say "not now" rather than "no": the same request may succeed a moment later.
RETRYABLE_STATUSES = frozenset({502, 503, 504})

_action: ContextVar[str | None] = ContextVar("caf_tui_action_key", default=None)


def new_key() -> str:
    return str(uuid.uuid4())


def current_key() -> str:
    """The key of the action under way, or a fresh one for a call made outside any action."""
    return _action.get() or new_key()


@contextmanager
def action_key(key: str | None = None) -> Iterator[str]:
    """Every request sent inside the block carries ``key`` (a new one when None)."""
    value = key or new_key()
    token = _action.set(value)
    try:
        yield value
    finally:
        _action.reset(token)


def may_retry(method: str, headers: dict[str, str]) -> bool:
    """Whether sending this request twice is harmless."""
    return method.upper() in IDEMPOTENT_METHODS or IDEMPOTENCY_HEADER in headers


class RetryPolicy(NamedTuple):
    """How many tries, how long each may take, and how long to wait between them."""

    attempts: int = 3
    """Tries in all, the first included."""
    attempt_timeout: float = 10.0
    """Seconds one try may take from sending to the last byte of the answer."""
    base_delay: float = 0.25
    """The first wait's upper bound; each next wait's bound doubles."""
    max_delay: float = 2.0
    """No wait is longer than this."""

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """The waits before the 2nd, 3rd… tries: uniform in [0, min(max, base * 2**n)]."""
        draw = (rng or _rng).uniform
        for n in range(self.attempts - 1):
            yield draw(0.0, min(self.max_delay, self.base_delay * 2**n))


NO_RETRY = RetryPolicy(attempts=1)

_rng = random.Random()

DEFAULT_RETRY = RetryPolicy()
