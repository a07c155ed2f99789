"""The browser path in the app: the link and QR code, polling, the countdown; the test is the
person's browser, over real HTTP against the link the screen shows."""

from __future__ import annotations

import asyncio

import httpx
from textual.pilot import Pilot
from textual.widgets import Static

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.franceconnect_browser import FranceConnectBrowserScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.widgets.qr_code import QrCode
from tests.tui.drive import screen_text, settle
from tests.tui.migration import ANSWERS, press, running

from .browser import Browser

SIZE = (100, 50)


async def open_browser_screen(pilot: Pilot[None]) -> FranceConnectBrowserScreen:
    await press(pilot, "#franceconnect")
    await settle(pilot)
    await press(pilot, "#browser")
    screen = pilot.app.screen
    assert isinstance(screen, FranceConnectBrowserScreen)
    return screen


async def wait_for(pilot: Pilot[None], done: object, seconds: float = 6.0) -> None:
    """Let the screen's own timer poll (every 2 s) until ``done()`` holds."""
    for _ in range(int(seconds / 0.1)):
        if done():  # type: ignore[operator]
            return
        await pilot.pause(0.1)
    raise AssertionError("the screen did not get there in time")


async def test_angela_through_a_browser_to_her_dashboard(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        screen = await open_browser_screen(pilot)
        url = str(screen.query_one("#url", Static).render())
        assert url == screen.start.browser_url
        assert screen.query_one(QrCode).data == url
        assert "Lien valable encore" in screen_text(app)  # 10 min, less the time under load
        assert "En attente de votre connexion" in screen_text(app)

        browser = Browser(stub)
        try:
            consent = await asyncio.to_thread(browser.sign_in_to_consent, url)
            redirect = await asyncio.to_thread(browser.decide, consent, "accept")
            back = await asyncio.to_thread(browser.open, redirect.headers["location"])
            assert "Connexion réussie" in back.text
        finally:
            browser.close()

        await wait_for(pilot, lambda: app.journey.step.step == StepName.MIGRATION_INTRO)
        await settle(pilot)
        while app.journey.step.step != StepName.DASHBOARD:
            await app.journey.submit(ANSWERS[StepName(app.journey.step.step)](app.journey.step))
        await app.show_step(app.journey.step)
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_an_expired_sign_in_says_so_and_offers_to_start_again(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, backend, pilot):
        screen = await open_browser_screen(pilot)
        first = screen.start.flow_id
        with httpx.Client(base_url=stub.url) as http:
            http.post("/_stub/clock", json={"advance_seconds": 601}).raise_for_status()
        # The poll the screen's timer makes (that timer: the test above), without its 2 s.
        screen.poll()
        await settle(pilot)
        assert screen.query_one("#restart").display
        assert "Le délai pour vous connecter avec FranceConnect est dépassé" in screen_text(app)
        assert not backend.has_session
        await press(pilot, "#restart")
        assert isinstance(app.screen, FranceConnectBrowserScreen)
        assert app.screen.start.flow_id != first


async def test_cancel_goes_back_to_the_login(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, backend, pilot):
        await open_browser_screen(pilot)
        await press(pilot, "#cancel")
        assert isinstance(app.screen, LoginScreen)
        assert not backend.has_session
