"""Other ways in, through the app against the real stub: the temporary identifier, the lock."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.screens.registry import screen_class
from tests.tui.drive import log_in, logged_in, screen_text

HUGO = "1 90 03 99 999 017 79"


async def test_amina_logs_in_with_her_temporary_identifier(
    make_app: Callable[..., CafApp],
) -> None:
    app = make_app(remember=False)
    async with logged_in(app, "T00000042", "Diallo2024", temporary=True):
        assert isinstance(app.screen, DashboardScreen)
        assert "Bonjour Amina DIALLO" in screen_text(app)


async def test_temporary_identifier_needs_the_box_ticked(make_app: Callable[..., CafApp]) -> None:
    app = make_app(remember=False)
    async with logged_in(app, "T00000042", "Diallo2024"):
        assert isinstance(app.screen, LoginScreen)
        assert "Erreur" in screen_text(app)


async def test_hugo_sees_the_time_left_then_logs_in_once_the_lock_ends(
    make_app: Callable[..., CafApp], stub: RunningStub
) -> None:
    app = make_app(remember=False)
    async with logged_in(app, HUGO, "90031111") as pilot:
        assert isinstance(app.screen, LoginScreen)
        text = screen_text(app)
        assert "Votre compte est bloqué" in text
        assert "Réessayez dans 15 minutes." in text
        with httpx.Client(base_url=stub.url) as client:
            client.post("/_stub/clock", json={"advance_seconds": 600}).raise_for_status()
        await log_in(pilot, HUGO, "90031111")
        assert "Réessayez dans 5 minutes." in screen_text(app)
        with httpx.Client(base_url=stub.url) as client:
            client.post("/_stub/clock", json={"advance_seconds": 300}).raise_for_status()
        await log_in(pilot, HUGO, "90031111")
        assert isinstance(app.screen, screen_class(StepName.MIGRATION_INTRO))
