"""Helpers for the migration screens' tests: an app whose calls are recorded and whose clock
stands still with the stub's, and a way to walk Karim to any step of his journey."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from pydantic import SecretStr
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import (
    AcceptTermsStep,
    Channel,
    IdentifierKind,
    NextStep,
    SpouseDecision,
    StepName,
)
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.journey import Journey
from caf_tui.replay import settle as settling
from caf_tui.rules import normalise_nir
from caf_tui.screens.base import StepCall
from tests.tui.drive import log_in, settle

#: What a snapshot test does to the app before the picture is taken.
Scene = Callable[[Pilot[None]], Awaitable[None]]

KARIM_NIR = "1 83 05 99 999 011 72"
KARIM_PASSWORD = "83051234"
NEW_PASSWORD = "Karim2024"
CODE = "123456"


class SpyBackend(HttpBackend):
    """The HTTP client, noting every request it makes ("POST /journey/choose_password")."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url)
        self.requests: list[str] = []

    async def _request(self, method: str, path: str, *args: Any, **kwargs: Any) -> httpx.Response:
        self.requests.append(f"{method} {path.removeprefix('/api/v1')}")
        return await super()._request(method, path, *args, **kwargs)


class Clocks:
    """The stub's frozen clock and the app's own clock, moved together.

    With both standing still, the app's idea of the server's time is exactly the stub's, so a
    countdown reads a known value.
    """

    def __init__(self, stub: RunningStub) -> None:
        self.stub = stub
        self.local = datetime(2030, 1, 1, tzinfo=UTC)

    def now(self) -> datetime:
        return self.local

    def advance(self, seconds: float) -> None:
        self.local += timedelta(seconds=seconds)
        with httpx.Client(base_url=self.stub.url) as client:
            client.post("/_stub/clock", json={"advance_seconds": seconds}).raise_for_status()


def still_app(stub: RunningStub, **settings: Any) -> CafApp:
    """The app on the test stub, its clock standing still with the stub's (for snapshots)."""
    backend = HttpBackend(stub.url)
    app = CafApp(Settings(remember=False, cursor_blink=False, **settings), backend=backend)
    app.journey = Journey(backend, clock=Clocks(stub).now)
    return app


def make_app(stub: RunningStub, clocks: Clocks | None = None) -> tuple[CafApp, SpyBackend]:
    backend = SpyBackend(stub.url)
    app = CafApp(Settings(remember=False, cursor_blink=False), backend=backend)
    if clocks is not None:
        app.journey = Journey(backend, clock=clocks.now)
    return app, backend


async def press(pilot: Pilot[None], selector: str) -> None:
    """Reach a widget with the keyboard (focus scrolls it into view) and press Enter."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await settle(pilot)
    assert pilot.app.focused is widget, f"{selector} cannot take the focus"
    await settling.animated(pilot)  # as a person would, once it has scrolled
    settling.ready_to_press(widget)
    await settling.press(pilot, "enter")


async def type_keys(pilot: Pilot[None], selector: str, text: str) -> None:
    """Type ``text`` key by key into the field, then wait once."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await settle(pilot)
    await settling.type_text(pilot, text)


def text_of(widget: Widget) -> str:
    return str(widget.render())


ORDER = [
    StepName.MIGRATION_INTRO,
    StepName.ACCEPT_TERMS,
    StepName.CHOOSE_PASSWORD,
    StepName.CONFIRM_CONTACT,
    StepName.VERIFY_CODE,
    StepName.ACCOUNT_CREATED,
    StepName.SPOUSE_AUTHORISATION,
    StepName.DASHBOARD,
]


async def karim_to(pilot: Pilot[None], target: StepName, *, through_screens: bool = False) -> None:
    """Karim logged in and on the screen of ``target``.

    The steps before it are answered straight through the app's journey (fast), or, with
    ``through_screens``, on each screen with the keyboard, typing every character.
    """
    app = pilot.app
    assert isinstance(app, CafApp)
    if through_screens:
        await log_in(pilot, KARIM_NIR, KARIM_PASSWORD)
    else:
        await app.journey.login(
            IdentifierKind.NIR, normalise_nir(KARIM_NIR), SecretStr(KARIM_PASSWORD)
        )
    steps = ORDER[: ORDER.index(target)]
    if through_screens:
        for step in steps:
            assert app.journey.step.step == step
            await answer_on_screen(pilot, step)
    else:
        await answered_fast(pilot, steps)
    assert app.journey.step.step == target


async def answered_fast(
    pilot: Pilot[None],
    steps: list[StepName],
    answers: dict[StepName, Callable[[NextStep], StepCall]] | None = None,
) -> None:
    """``steps`` answered straight through the app's journey (``ANSWERS`` unless told), then
    the screen of the step the server sends next shown and settled."""
    app = pilot.app
    assert isinstance(app, CafApp)
    for step in steps:
        assert app.journey.step.step == step
        await app.journey.submit((answers or ANSWERS)[step](app.journey.step))
    await app.show_step(app.journey.step)
    await settle(pilot)


@asynccontextmanager
async def running(
    stub: RunningStub, *, clocks: Clocks | None = None, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[CafApp, SpyBackend, Pilot[None]]]:
    """The app of ``make_app`` running headless at ``size``: the app, its recording backend
    and the pilot."""
    app, backend = make_app(stub, clocks)
    async with app.run_test(size=size) as pilot:
        yield app, backend, pilot


@asynccontextmanager
async def karim_on(
    stub: RunningStub,
    target: StepName,
    *,
    clocks: Clocks | None = None,
    size: tuple[int, int] = (80, 24),
) -> AsyncIterator[tuple[CafApp, SpyBackend, Pilot[None]]]:
    """The app running, Karim logged in and on the screen of ``target`` (answered fast, as
    ``karim_to`` does): the app, its recording backend and the pilot."""
    async with running(stub, clocks=clocks, size=size) as (app, backend, pilot):
        await karim_to(pilot, target)
        yield app, backend, pilot


def _terms_version(step: NextStep) -> str:
    assert isinstance(step, AcceptTermsStep)
    return step.version


ANSWERS: dict[StepName, Callable[[NextStep], StepCall]] = {
    StepName.MIGRATION_INTRO: lambda step: lambda b: b.start_migration(),
    StepName.ACCEPT_TERMS: lambda step: lambda b: b.accept_terms(_terms_version(step)),
    StepName.CHOOSE_PASSWORD: lambda step: (
        lambda b: b.choose_password(SecretStr(NEW_PASSWORD), SecretStr(NEW_PASSWORD))
    ),
    StepName.CONFIRM_CONTACT: lambda step: lambda b: b.confirm_contact(Channel.SMS),
    StepName.VERIFY_CODE: lambda step: lambda b: b.verify_code(SecretStr(CODE)),
    StepName.ACCOUNT_CREATED: lambda step: lambda b: b.acknowledge_account_created(),
    StepName.SPOUSE_AUTHORISATION: lambda step: (
        lambda b: b.decide_spouse_authorisation(SpouseDecision.SKIP)
    ),
}


async def answer_on_screen(pilot: Pilot[None], step: StepName) -> None:
    """Answer ``step`` as a person would: keys only, every character typed."""
    match step:
        case StepName.MIGRATION_INTRO:
            await press(pilot, "#start")
        case StepName.ACCEPT_TERMS:
            pilot.app.screen.query_one("#accept").focus()
            await settling.press(pilot, "space")
            await press(pilot, "#continue")
        case StepName.CHOOSE_PASSWORD:
            await type_keys(pilot, "#password", NEW_PASSWORD)
            await type_keys(pilot, "#confirmation", NEW_PASSWORD)
            await press(pilot, "#validate")
        case StepName.CONFIRM_CONTACT:
            await press(pilot, "#validate")
        case StepName.VERIFY_CODE:
            await type_keys(pilot, "#code", CODE)
            await press(pilot, "#validate")
        case StepName.ACCOUNT_CREATED:
            await press(pilot, "#continue")
        case StepName.SPOUSE_AUTHORISATION:
            await press(pilot, "#skip")
