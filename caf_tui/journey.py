"""The journey as the client sees it: the session, the step the server directs, its clock, and
the journey work around it (sign-up, FranceConnect, a forgotten password, the login's notice).

No UI here: the Textual app, the plain line mode and the replayer all drive a ``Journey`` and
show whatever step it holds. Screens never decide where to go next; the server's ``next`` does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from caf_tui.api import IdentifierKind, StepName
from caf_tui.backend.errors import NotAuthenticated, StepMismatch

if TYPE_CHECKING:
    from pydantic import SecretStr

    from caf_tui.api import AuthResponse, JourneyResponse, NextStep
    from caf_tui.api.signup import SignupRequest
    from caf_tui.backend.base import Backend

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class LoginStart(NamedTuple):
    """The login before the server has said anything: what a screen reads of a step (its name,
    no progress) without the contract's ``LoginStep``, a pydantic model. The first frame is
    composed from it: pydantic costs more to import than a bare Textual app takes to paint."""

    step: Literal[StepName.LOGIN] = StepName.LOGIN
    progress: None = None


LOGIN_START = LoginStart()


class Journey:
    """One person's visit: who is logged in, which step they owe, and the server's time."""

    def __init__(self, backend: Backend, clock: Clock = _utc_now) -> None:
        self.backend = backend
        self._clock = clock
        self._offset = timedelta(0)
        #: None: at the login, its model not made yet (see ``step``).
        self._step: NextStep | None = None
        self.identifier: tuple[IdentifierKind, str] | None = None
        #: Said once by the next login: the session ended, the password was changed…
        self.notice: str | None = None
        #: The identifier the next login offers again (a lost session, a new password).
        self.offered: tuple[IdentifierKind, str] | None = None
        #: The identifier « Mot de passe oublié ? » was asked for: a new request asks for it.
        self.recovering: tuple[IdentifierKind, str] | None = None

    @property
    def step(self) -> NextStep:
        """The step the person owes. The login's model is made when first asked for: not by
        the first frame, which is composed from ``LOGIN_START``."""
        if self._step is None:
            from caf_tui.api import LoginStep

            self._step = LoginStep()
        return self._step

    @step.setter
    def step(self, step: NextStep) -> None:
        self._step = step

    def back_to_login(self) -> NextStep:
        """The journey is at the login again (a lost session, a logout)."""
        self._step = None
        return self.step

    @property
    def logged_in(self) -> bool:
        return self._step is not None and self._step.step != StepName.LOGIN

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

    async def sign_up(self, request: SignupRequest) -> NextStep:
        """« Créer Mon Compte »: the portal finds the file and opens a session; its step follows."""
        return self.accept(await self.backend.signup(request))

    async def collect_franceconnect(self, flow_id: str) -> NextStep | None:
        """Ask the portal once for the session a FranceConnect sign-in opened: the step it then
        directs, or None while the person has not finished."""
        from caf_tui.api import FranceConnectPending

        answer = await self.backend.poll_franceconnect(flow_id)
        if isinstance(answer, FranceConnectPending):
            return None
        return self.accept(answer)

    async def submit(self, call: Callable[[Backend], Awaitable[JourneyResponse]]) -> NextStep:
        """Send one step's answer. On a step mismatch, ask the server where the person is."""
        try:
            return self.accept(await call(self.backend))
        except StepMismatch:
            return self.accept(await self.backend.current_step())

    def session_lost(self, message: str) -> NextStep:
        """The server ended the session: the login comes next, says why, and offers the same
        identifier again (only the password to type)."""
        self.notice = message
        self.offered = self.identifier
        return self.back_to_login()

    async def start_recovery(self, kind: IdentifierKind, identifier: str) -> NextStep:
        """« Mot de passe oublié ? » for ``identifier``: the server sends a code if an account
        matches, and directs the next step either way."""
        self.recovering = (kind, identifier)
        return await self.submit(lambda backend: backend.start_recovery(kind, identifier))

    async def restart_recovery(self) -> NextStep:
        """A new request for the same identifier (a new flow, a new code)."""
        if self.recovering is None:
            return self.back_to_login()
        return await self.start_recovery(*self.recovering)

    def recovered(self, notice: str) -> None:
        """The forgotten password is dealt with: the login says ``notice`` and offers the
        identifier the request was for."""
        self.notice = notice
        self.offered = self.recovering
        self.recovering = None

    def take_notice(self) -> str | None:
        """The notice for the login, once."""
        notice, self.notice = self.notice, None
        return notice

    def take_offered(self) -> tuple[IdentifierKind, str] | None:
        """The identifier the login offers again, once."""
        offered, self.offered = self.offered, None
        return offered

    async def resume(self) -> NextStep:
        return self.accept(await self.backend.current_step())

    async def logout(self) -> None:
        """End the session on the server; the journey goes back to the login step."""
        try:
            await self.backend.logout()
        except NotAuthenticated:
            pass
        finally:
            self.back_to_login()
