"""The memory backend gives back what the recorded backend answered, refusals included, and
fails loudly on a call it was not told about (a picture would otherwise show an error)."""

from __future__ import annotations

from typing import Any, cast

import pytest

from caf_tui.api import ErrorCode, ErrorDetail
from caf_tui.backend.base import Backend
from caf_tui.backend.errors import InvalidCredentials
from tests.snapshots.memory_backend import Recorder

REFUSED = ErrorDetail(code=ErrorCode.INVALID_CREDENTIALS, message="Identifiant inconnu.")


class Counter:
    """A backend whose every answer differs from the last."""

    label = "compteur"
    has_demo_outbox = True

    def __init__(self) -> None:
        self.count = 0

    async def next_number(self, step: int) -> int:
        self.count += step
        return self.count

    async def login(self, *args: Any) -> None:
        raise InvalidCredentials(REFUSED)


async def recorded() -> Recorder:
    recorder = Recorder(cast("Backend", Counter()))
    backend: Any = recorder.backend
    for step in (1, 1, 5):
        await backend.next_number(step)
    with pytest.raises(InvalidCredentials):
        await backend.login("someone")
    return recorder


async def test_equal_calls_answered_in_turn_then_the_last_again() -> None:
    memory: Any = (await recorded()).memory().backend
    assert [await memory.next_number(1) for _ in range(3)] == [1, 2, 2]
    assert await memory.next_number(5) == 7
    assert (memory.label, memory.has_demo_outbox) == ("compteur", True)


async def test_a_refusal_is_raised_again() -> None:
    memory: Any = (await recorded()).memory().backend
    with pytest.raises(InvalidCredentials) as refused:
        await memory.login("someone")
    assert refused.value.detail == REFUSED


async def test_a_call_it_was_not_told_about_fails_with_its_name() -> None:
    memory: Any = (await recorded()).memory().backend
    with pytest.raises(AssertionError, match="next_number"):
        await memory.next_number(2)
    with pytest.raises(AssertionError, match="dashboard"):
        await memory.dashboard()
