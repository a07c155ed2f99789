"""An ended session, and a step this version does not offer."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pydantic import SecretStr

from caf_stub import RunningStub
from caf_tui.api import (
    AuthResponse,
    IdentifierKind,
    JourneyResponse,
    OtherStep,
    SessionInfo,
)
from caf_tui.plain import run_plain
from tests.plain.drive import (
    KARIM_LEGACY,
    KARIM_NIR,
    Session,
    advance_both,
    login_answers,
    settings,
)


def test_an_ended_session_goes_back_to_the_login_keeping_the_identifier(
    stub: RunningStub,
) -> None:
    session = Session(stub)
    screen = session.screen
    session.stdin.type(*login_answers(KARIM_NIR, KARIM_LEGACY))
    screen.wait_for("1. Commencer")
    advance_both(stub, session.clock, 31 * 60)  # idle for longer than the stub allows
    session.stdin.type("1")
    screen.wait_for(f"Appuyez sur Entrée pour garder {KARIM_NIR} :")
    session.stdin.type("", KARIM_LEGACY)
    screen.wait_for("1. Commencer", count=2)
    session.stdin.type("q", "2")

    assert session.join() == 0
    text = screen.text
    assert text.count("\nCONNEXION\n") == 2
    ended, again = text.split("\nCONNEXION\n")[1:]
    assert "connectez-vous à nouveau." in ended, ended
    assert "Comment voulez-vous vous connecter ?" not in again  # the identifier is kept


class FutureBackend:
    """A portal that asks for a step this client does not know."""

    label = "futur"
    has_demo_outbox = False

    def __init__(self) -> None:
        self.logged_out = False

    async def login(
        self, kind: IdentifierKind, identifier: str, password: SecretStr
    ) -> AuthResponse:
        now = datetime(2026, 11, 27, 9, tzinfo=UTC)
        return AuthResponse(
            next=OtherStep(step="franceconnect_link"),
            server_time=now,
            session=SessionInfo(token="t" * 32, expires_at=now, idle_timeout_seconds=1800),
        )

    async def current_step(self) -> JourneyResponse:
        raise AssertionError("not asked")

    async def logout(self) -> None:
        self.logged_out = True

    def warm_up(self) -> None:
        """Nothing to start."""

    async def aclose(self) -> None:
        pass


def test_an_unknown_step_says_it_is_not_available_yet() -> None:
    backend = FutureBackend()
    stdin = io.StringIO("1\n" + KARIM_NIR + "\n" + KARIM_LEGACY + "\n1\n")
    stdout = io.StringIO()

    status = run_plain(settings(), stdin=stdin, stdout=stdout, backend=backend)  # type: ignore[arg-type]

    out = stdout.getvalue()
    assert status == 0
    assert "Cette étape n'est pas encore disponible dans caf-tui (« franceconnect_link »)." in out
    assert "1. Se déconnecter" in out
    assert backend.logged_out
