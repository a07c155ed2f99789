"""Snapshot tests: the app on a stub whose clock is frozen, with a steady cursor.

Most pictures start on the screen they show, the app on a ``MemoryBackend``: the answers the
test stub gave once per session to the same calls (the ``karim``, ``paul`` and ``zohra``
visits), so that no picture waits for a server, a password hash or a login typed key by key;
the stub's clock stood still as it answered and the app's stands still too (``StillClock``).
Those where the stub's answer is the point (FranceConnect's pages, which the app reads over
HTTP outside the backend; the English login's French refusal) stay on the live stub.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import IdentifierKind, SpouseRight, StepName
from caf_tui.app import CafApp
from caf_tui.backend.base import Backend
from caf_tui.backend.errors import BackendError
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.journey import Journey
from caf_tui.replay import settle as settled
from caf_tui.rules import normalise_nir
from caf_tui.screens.registry import screen_for
from caf_tui.steps.sections import ADDRESS
from tests.conftest import reset_stub
from tests.snapshots.memory_backend import Recorder
from tests.tui.migration import ANSWERS, KARIM_NIR, KARIM_PASSWORD, ORDER

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

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


@pytest.fixture(scope="session")
def karim(_shared_stub: RunningStub) -> Visit:
    return record(_shared_stub, KARIM, karim_walk)


@pytest.fixture(scope="session")
def paul(_shared_stub: RunningStub) -> Visit:
    return record(_shared_stub, PAUL, paul_walk)


@pytest.fixture(scope="session")
def zohra(_shared_stub: RunningStub) -> Visit:
    return record(_shared_stub, ZOHRA, zohra_walk)


async def on_step(pilot: Pilot[None], person: tuple[str, str], target: StepName) -> None:
    """``person`` logged in and on the screen of ``target``, the steps before answered as the
    visit answered them (``ANSWERS``)."""
    app = pilot.app
    assert isinstance(app, CafApp)
    await reach(app.journey, person, target)
    await app.show_step(app.journey.step)
    await settled.settle(pilot)


# --- one picture test for every front: a language, a theme, NO_COLOR, a size ---------------

Scene = Callable[[Pilot[None]], Awaitable[None]]
#: The app a scene starts on: ``(request, scene, settings)`` → the app (live or in memory).
AppFor = Callable[[pytest.FixtureRequest, str, dict[str, Any]], CafApp]


def pictures(
    scenes: dict[str, Scene],
    app_for: AppFor,
    doc: str,
    *,
    size: tuple[int, int] = (80, 24),
    no_color: bool = False,
    **settings: Any,
) -> Callable[..., None]:
    """A test picturing each of ``scenes`` with ``settings`` (``lang``, ``theme``) at ``size``,
    under NO_COLOR=1 if ``no_color``; its name in the module names its pictures."""

    @pytest.mark.parametrize("scene", scenes)
    def test(
        snap_compare: Any,
        request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch,
        scene: str,
    ) -> None:
        if no_color:
            monkeypatch.setenv("NO_COLOR", "1")
        app = app_for(request, scene, settings)
        assert snap_compare(app, terminal_size=size, run_before=scenes[scene])

    test.__doc__ = doc
    return test


async def press(pilot: Pilot[None], selector: str) -> None:
    """Reach a widget with the keyboard (focus scrolls it into view), then Enter: each waited
    for on the events it sets going (``settle``), not on the CPU going idle."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await settled.settle(pilot)
    assert pilot.app.focused is widget, f"{selector} cannot take the focus"
    await pilot.wait_for_scheduled_animations()  # as a person would, once it has scrolled
    await settled.press(pilot, "enter")


def fill(pilot: Pilot[None], typed: dict[str, str]) -> None:
    """Each field of ``typed`` (id → text) set as if typed, the cursor after its text."""
    for field_id, text in typed.items():
        pilot.app.screen.query_one(f"#{field_id}", Input).value = text


async def karim20_typed(pilot: Pilot[None]) -> None:
    """« karim20 » typed as Karim's new password: length and capital missing, each marked ✗."""
    await type_into(pilot, "#password", "karim20")


async def password_half_met(pilot: Pilot[None]) -> None:
    """Karim on his new password from the login (an app started there), « karim20 » typed."""
    await on_step(pilot, KARIM, StepName.CHOOSE_PASSWORD)
    await karim20_typed(pilot)


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """``text`` typed key by key into the field of ``selector``."""
    pilot.app.screen.query_one(selector, Input).focus()
    await settled.type_text(pilot, text)


def at_sizes(
    run_before: Scene, doc: str, visit: str = "paul", start: StepName | None = None
) -> Callable[..., None]:
    """A test picturing ``run_before`` at each of ``SIZES`` on the app of ``visit`` started on
    ``start`` (the login if None)."""

    @pytest.mark.parametrize("size", SIZES)
    def test(snap_compare: Any, request: pytest.FixtureRequest, size: tuple[int, int]) -> None:
        app = request.getfixturevalue(visit).app(start)
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    test.__doc__ = doc
    return test


async def painted(pilot: Pilot[None]) -> None:
    """The first screen as it first paints."""
    await settled.settle(pilot)


async def wrong_password(pilot: Pilot[None]) -> None:
    """Paul's NIR and a wrong password sent from the login form."""
    await settled.settle(pilot)
    fill(pilot, {"identifier": PAUL[0], "password": WRONG_PASSWORD})
    await press(pilot, "#password")
