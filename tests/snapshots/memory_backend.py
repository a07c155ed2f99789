"""A backend in memory for the snapshots: the stub's answers, noted once, given back.

``Recorder`` wraps a real backend (the HTTP client of the test stub) and notes every call it
passes on with its answer, a model of ``caf_tui.api`` or the refusal raised. ``MemoryBackend``
answers the same calls with the same answers, with no server: a snapshot then starts on the
screen it pictures, and the stub's words and data on it are still the stub's own (never a
copy of the personas that could drift from them). A call it was not told about fails the test
with the call's name, rather than picturing an error.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from caf_tui.backend.errors import BackendError

if TYPE_CHECKING:
    from caf_tui.backend.base import Backend


@dataclass(frozen=True)
class Call:
    """One call to a backend and what came back: the answer, or the refusal raised."""

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    answer: object

    def matches(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        return self.name == name and self.args == args and self.kwargs == kwargs


class Recorder:
    """``backend`` itself, its calls and answers noted in ``calls``."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self.calls: list[Call] = []

    @property
    def backend(self) -> Backend:
        """The recorder seen as the backend it wraps (what ``Journey`` and a spec expect)."""
        return cast("Backend", self)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._backend, name)
        if not inspect.iscoroutinefunction(attribute):
            return attribute
        method = cast("Callable[..., Awaitable[object]]", attribute)

        async def noted(*args: Any, **kwargs: Any) -> object:
            try:
                answer = await method(*args, **kwargs)
            except BackendError as refusal:
                self.calls.append(Call(name, args, kwargs, refusal))
                raise
            self.calls.append(Call(name, args, kwargs, answer))
            return answer

        return noted

    def memory(self) -> MemoryBackend:
        """A backend in memory answering what this one was asked, as it answered."""
        return MemoryBackend(
            self.calls, label=self._backend.label, has_demo_outbox=self._backend.has_demo_outbox
        )


class MemoryBackend:
    """Answers the calls of ``calls`` with their answers (the first of equal calls first, the
    last one again afterwards); any other call fails."""

    signing_up = False

    def __init__(self, calls: list[Call], *, label: str, has_demo_outbox: bool) -> None:
        self._calls = list(calls)
        self.label = label
        self.has_demo_outbox = has_demo_outbox
        self.asked: list[str] = []

    @property
    def backend(self) -> Backend:
        return cast("Backend", self)

    def warm_up(self) -> None:
        """Nothing to start."""

    async def aclose(self) -> None:
        """Nothing to release."""

    def __getattr__(self, name: str) -> Callable[..., Awaitable[object]]:
        if name.startswith("_"):
            raise AttributeError(name)

        async def answered(*args: Any, **kwargs: Any) -> object:
            self.asked.append(name)
            found = [call for call in self._calls if call.matches(name, args, kwargs)]
            if not found:
                raise AssertionError(f"the memory backend was not told how to answer {name}")
            if len(found) > 1:
                self._calls.remove(found[0])
            if isinstance(found[0].answer, BackendError):
                raise found[0].answer
            return found[0].answer

        return answered
