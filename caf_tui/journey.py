"""The journey as the client sees it: the session, the step the server directs, its clock.

No UI here: the Textual app, the plain line mode and the replayer all drive a ``Journey`` and
show whatever step it holds. Screens never decide where to go next; the server's ``next`` does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from pydantic import SecretStr

from caf_tui.api import (
    AuthResponse,
    IdentifierKind,
    JourneyResponse,
    LoginStep,
    NextStep,
)
from caf_tui.backend.base import Backend
from caf_tui.backend.errors import NotAuthenticated, StepMismatch

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Journey:
    """One person's visit: who is logged in, which step they owe, and the server's time."""

    def __init__(self, backend: Backend, clock: Clock = _utc_now) -> None:
        self.backend = backend
        self._clock = clock
        self._offset = timedelta(0)
        self.step: NextStep = LoginStep()
        self.identifier: tuple[IdentifierKind, str] | None = None

    @property
    def logged_in(self) -> bool:
        return not isinstance(self.step, LoginStep)

    def server_now(self) -> datetime:
        """The server's clock, as measured at the last answer: countdowns count against it."""
        return self._clock() + self._offset

    def accept(self, response: JourneyResponse) -> NextStep:
        """Take the server's answer: remember its clock and the step it directs."""
        self._offset = response.server_time - self._clock()
        self.step = response.next
        return self.step

    async def login(self, kind: IdentifierKind, identifier: str, password: SecretStr) -> NextStep:
        answer: AuthResponse = await self.backend.login(kind, identifier, password)
        self.identifier = (kind, identifier)
        return self.accept(answer)

    async def submit(self, call: Callable[[Backend], Awaitable[JourneyResponse]]) -> NextStep:
        """Send one step's answer. On a step mismatch, ask the server where the person is."""
        try:
            return self.accept(await call(self.backend))
        except StepMismatch:
            return self.accept(await self.backend.current_step())

    async def resume(self) -> NextStep:
        return self.accept(await self.backend.current_step())

    async def logout(self) -> None:
        """End the session on the server; the journey goes back to the login step."""
        try:
            await self.backend.logout()
        except NotAuthenticated:
            pass
        finally:
            self.step = LoginStep()
