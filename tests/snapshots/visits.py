"""The people the snapshots picture, and the stub's answers to them kept in memory.

A ``Visit`` is what the test stub answered once to a person's calls (``record``): an app made
from it (``Visit.app``) answers from a ``MemoryBackend``, so no picture waits for a server, a
password hash or a login typed key by key, and it may start on the screen it pictures
(``AppOnStep``). The stub's clock stood still as it answered; the app's stands still too
(``StillClock``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import SecretStr
from textual.screen import Screen

from caf_stub import RunningStub
from caf_tui.api import IdentifierKind, SpouseRight, StepName
from caf_tui.app import CafApp
from caf_tui.backend.base import Backend
from caf_tui.backend.errors import BackendError
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.journey import Journey
from caf_tui.rules import normalise_nir
from caf_tui.screens.registry import screen_for
from caf_tui.steps.sections import ADDRESS
from tests.conftest import reset_stub
from tests.snapshots.memory_backend import Recorder
from tests.tui.migration import ANSWERS, KARIM_NIR, KARIM_PASSWORD, ORDER

PAUL = ("1 78 02 99 999 015 71", "Leroy1978")
ZOHRA = ("2 85 07 99 999 012 52", "Zohra2024")
KARIM = (KARIM_NIR, KARIM_PASSWORD)
WRONG_PASSWORD = "Wrong1234"

#: Paul's move as typed on the address form: refused with « Lille », summed up with « Lyon ».
ADDRESS_TYPED = {
    "street": "3 rue Nationale",
    "postal_code": "69001",
    "commune": "Lille",
    "moved_on": "01/11/2026",
}
#: The one right Karim's spouse is given on « Gérer Mon Compte ».
KARIM_TICKS = [SpouseRight.DECLARE_CHANGES]


# --- the app on the stub's answers, in memory ---------------------------------------------


async def log_in_journey(journey: Journey, person: tuple[str, str]) -> None:
    """The login the login screen sends for ``person``'s NIR and password, without typing."""
    nir, password = person
    await journey.login(IdentifierKind.NIR, normalise_nir(nir), SecretStr(password))


@dataclass
class StillClock:
    """The app's clock, standing still unless moved (the stub's stood still as it answered):
    a countdown reads what it read on the live stub."""

    local: datetime = field(default_factory=lambda: datetime(2030, 1, 1, tzinfo=UTC))

    def now(self) -> datetime:
        return self.local

    def advance(self, seconds: float) -> None:
        self.local += timedelta(seconds=seconds)


class AppOnStep(CafApp):
    """The app started on the screen of the step its journey is at, as ``show_step`` shows it,
    or on ``door`` (a screen the login opens): no login composed, styled and painted first,
    only to be replaced or covered."""

    door: Callable[[], Screen[None]] | None = None

    def first_screen(self) -> Screen[None]:
        return self.door() if self.door else screen_for(self.journey.step)


def live_app(stub: RunningStub, door: Callable[[], Screen[None]], **settings: Any) -> CafApp:
    """The app on the live stub, its clock standing still, started on ``door``."""
    backend = HttpBackend(stub.url)
    app = AppOnStep(Settings(remember=False, cursor_blink=False, **settings), backend=backend)
    app.door = door
    app.journey = Journey(backend, clock=StillClock().now)
    return app


@dataclass(frozen=True)
class Visit:
    """A person's calls and the stub's answers: ``app()`` makes an app answering them."""

    recorder: Recorder
    person: tuple[str, str]

    def app(
        self,
        start: StepName | None = None,
        clock: StillClock | None = None,
        door: Callable[[], Screen[None]] | None = None,
        **settings: Any,
    ) -> CafApp:
        """The app on the login; with ``start``, already on that step's screen (the steps
        before answered as the visit answered them: for a test that is not a coroutine); with
        ``door``, on that screen of the login's."""
        backend = self.recorder.memory().backend
        made = CafApp if start is None and door is None else AppOnStep
        app = made(Settings(remember=False, cursor_blink=False, **settings), backend=backend)
        if isinstance(app, AppOnStep):
            app.door = door
        app.journey = Journey(backend, clock=(clock or StillClock()).now)
        if start is not None:
            asyncio.run(reach(app.journey, self.person, start))
        return app


async def reach(journey: Journey, person: tuple[str, str], target: StepName) -> None:
    """``person`` logged in, and at ``target``: the steps before answered (``ANSWERS``)."""
    await log_in_journey(journey, person)
    while journey.step.step != target:
        await journey.submit(ANSWERS[StepName(journey.step.step)](journey.step))


Walk = Callable[[Journey, Backend], Awaitable[None]]


def record(stub: RunningStub, person: tuple[str, str], walk: Walk) -> Visit:
    """``person``'s ``walk`` done once on the freshly reset stub; every answer kept."""
    reset_stub(stub)
    recorder = Recorder(HttpBackend(stub.url))

    async def visit() -> None:
        await walk(Journey(recorder.backend), recorder.backend)
        await recorder.aclose()

    asyncio.run(visit())
    reset_stub(stub)  # as the next test's ``stub`` expects it, whichever comes first
    return Visit(recorder, person)


async def karim_walk(journey: Journey, backend: Backend) -> None:
    """His journey to the dashboard, then one right given to his spouse."""
    await log_in_journey(journey, KARIM)
    for step in ORDER[:-1]:
        await journey.submit(ANSWERS[step](journey.step))
    await backend.dashboard()
    await backend.profile()
    await backend.authorisations()
    await backend.set_spouse_rights(KARIM_TICKS)
    await backend.profile()
    await backend.authorisations()


async def paul_walk(journey: Journey, backend: Backend) -> None:
    """A wrong password, then his dashboard and the sections the pictures open."""
    with contextlib.suppress(BackendError):
        await log_in_journey(journey, (PAUL[0], WRONG_PASSWORD))
    await log_in_journey(journey, PAUL)
    await backend.dashboard()
    await backend.profile()
    await backend.authorisations()
    await backend.attestations()
    await backend.declarations()
    await backend.benefits()
    await ADDRESS.summary(backend, {**ADDRESS_TYPED, "commune": "Lyon"})


async def zohra_walk(journey: Journey, backend: Backend) -> None:
    """Her dashboard and the section she may not open."""
    await log_in_journey(journey, ZOHRA)
    await backend.dashboard()
    with contextlib.suppress(BackendError):
        await backend.declarations()
