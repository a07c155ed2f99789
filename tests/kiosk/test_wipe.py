"""The next person never sees the last one's data: the wipe after the idle limit, « Terminer »
and the absolute limit, against the real stub over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
from textual.pilot import Pilot

from caf_tui.kiosk.app import KioskApp
from caf_tui.kiosk.warning import IdleWarningScreen
from caf_tui.kiosk.welcome import WelcomeScreen
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from tests.keyrings import MemoryKeyring
from tests.kiosk.conftest import ManualClock
from tests.tui.drive import log_in, screen_text, settle

PAUL = "1 78 02 99 999 015 71"
#: What of Paul LEROY's the dashboard shows: none of it may survive the wipe.
PAUL_TRACES = ("Paul", "LEROY", "1780299999015", "78 02 99", "015 71", "Numéro allocataire", "€")


async def paul_on_his_dashboard(pilot: Pilot[None]) -> str:
    """From the welcome screen to Paul's dashboard; returns his session token."""
    app = pilot.app
    assert isinstance(app.screen, WelcomeScreen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, LoginScreen)
    await log_in(pilot, PAUL, "Leroy1978")
    assert isinstance(app.screen, DashboardScreen)
    text = screen_text(app)  # type: ignore[arg-type]
    assert "LEROY" in text and "€" in text
    token = app.backend._token  # type: ignore[attr-defined]
    assert token
    return str(token)


async def time_passes(pilot: Pilot[None], clock: ManualClock, seconds: float) -> None:
    """``seconds`` go by on the kiosk's clock, then the kiosk checks its limits, as its timer
    would, and the screen settles."""
    app = pilot.app
    assert isinstance(app, KioskApp)
    clock.advance(seconds)
    app.check_limits()
    await settle(pilot)


class TimerTicks:
    """The ticks of the kiosk's own one-second timer, seen from the test: ``next`` returns once
    the timer has called ``check_limits`` again. Installed before the app mounts, so that the
    timer it sets calls this wrapper."""

    def __init__(self, app: KioskApp) -> None:
        self._check_limits = app.check_limits
        self._ticked = asyncio.Event()
        app.check_limits = self._tick  # type: ignore[method-assign]

    def _tick(self) -> None:
        self._check_limits()
        self._ticked.set()

    async def next(self, pilot: Pilot[None]) -> None:
        self._ticked.clear()
        await asyncio.wait_for(self._ticked.wait(), timeout=10)
        await settle(pilot)


def everything_shown(app: KioskApp) -> str:
    """The text of every screen on the stack and the exported terminal picture."""
    parts = [app.export_screenshot()]
    for screen in app.screen_stack:
        parts.extend(str(widget.render()) for widget in screen.query("Static, Label, Input"))
    return "\n".join(parts)


def assert_wiped(app: KioskApp, token: str, stub_url: str) -> None:
    assert isinstance(app.screen, WelcomeScreen)
    assert len(app.screen_stack) == 2  # Textual's default screen and the welcome, nothing else
    text = screen_text(app)  # type: ignore[arg-type]
    assert "Bienvenue" in text and "Appuyez sur Entrée pour commencer" in text
    shown = everything_shown(app)
    for trace in PAUL_TRACES:
        assert trace not in shown, trace
    assert not app.journey.logged_in and app.journey.identifier is None
    old_session = httpx.get(
        stub_url + "/api/v1/journey", headers={"Authorization": f"Bearer {token}"}
    )
    assert old_session.status_code == 401


async def test_idle_limit_wipes_pauls_visit(
    make_kiosk: Callable[..., KioskApp],
    clock: ManualClock,
    memory_keyring: MemoryKeyring,
    stub: object,
) -> None:
    """The warning, then the wipe, which the kiosk's own one-second timer does: the clock is
    the test's, the last tick is the app's. The served counter runs this same app
    (tests/browser/test_counter_page.py wipes a visit there and reads the browser)."""
    app = make_kiosk()
    ticks = TimerTicks(app)
    async with app.run_test(size=(100, 40)) as pilot:
        token = await paul_on_his_dashboard(pilot)

        await time_passes(pilot, clock, 99)  # 21 s before the limit: not yet
        assert isinstance(app.screen, DashboardScreen)

        await time_passes(pilot, clock, 2)  # 19 s left: the warning
        assert isinstance(app.screen, IdleWarningScreen)
        warning = screen_text(app)  # type: ignore[arg-type]
        assert "Êtes-vous toujours là ? Appuyez sur une touche pour continuer." in warning
        assert "Effacement dans 19 s" in warning

        clock.advance(19)  # nobody touches a key, and the test calls nothing: the timer wipes
        await ticks.next(pilot)
        assert_wiped(app, token, stub.url)  # type: ignore[attr-defined]
    assert memory_keyring.calls == []


async def test_a_key_during_the_warning_keeps_the_visit(
    make_kiosk: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_kiosk()
    async with app.run_test(size=(100, 40)) as pilot:
        await paul_on_his_dashboard(pilot)
        dashboard = app.screen
        await time_passes(pilot, clock, 110)
        assert isinstance(app.screen, IdleWarningScreen)

        await pilot.press("x")
        await settle(pilot)
        assert app.screen is dashboard
        assert "LEROY" in screen_text(app)  # type: ignore[arg-type]

        await time_passes(pilot, clock, 110)  # counted from the key, not from the login
        assert isinstance(app.screen, IdleWarningScreen)
        clock.advance(9)
        await pilot.press("space")
        await settle(pilot)
        assert app.screen is dashboard
        app.check_limits()
        assert app.backend.has_session  # type: ignore[attr-defined]


async def test_terminer_wipes_at_once(
    make_kiosk: Callable[..., KioskApp], memory_keyring: MemoryKeyring, stub: object
) -> None:
    app = make_kiosk()
    async with app.run_test(size=(100, 40)) as pilot:
        token = await paul_on_his_dashboard(pilot)
        await pilot.click("#finish")
        await settle(pilot)
        assert_wiped(app, token, stub.url)  # type: ignore[attr-defined]

        # The next person starts from an empty login.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#identifier").value == ""  # type: ignore[attr-defined]
        assert not app.screen.query_one("#remember-me").display
    assert memory_keyring.calls == []


async def test_the_absolute_limit_cannot_be_extended(
    make_kiosk: Callable[..., KioskApp], clock: ManualClock, stub: object
) -> None:
    app = make_kiosk(kiosk_session_seconds=300)
    async with app.run_test(size=(100, 40)) as pilot:
        token = await paul_on_his_dashboard(pilot)
        for _ in range(5):  # active all along: a key every minute
            clock.advance(57)
            await pilot.press("tab")
        app.check_limits()
        await settle(pilot)
        assert isinstance(app.screen, IdleWarningScreen)
        assert "durée maximale" in screen_text(app)  # type: ignore[arg-type]
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, IdleWarningScreen)
        await time_passes(pilot, clock, 20)
        assert_wiped(app, token, stub.url)  # type: ignore[attr-defined]


async def test_the_welcome_screen_waits_forever(
    make_kiosk: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        await time_passes(pilot, clock, 10_000)
        assert isinstance(app.screen, WelcomeScreen)


async def test_a_lost_session_offers_the_identifier_to_that_visitor_only(
    make_kiosk: Callable[..., KioskApp], clock: ManualClock, stub: object
) -> None:
    """The server ends Paul's session: his login offers his NIR back; once the visit is wiped,
    the next person's login is empty."""
    app = make_kiosk()
    async with app.run_test(size=(100, 40)) as pilot:
        await paul_on_his_dashboard(pilot)
        httpx.post(
            stub.url + "/_stub/clock",  # type: ignore[attr-defined]
            json={"advance_seconds": 31 * 60},
        ).raise_for_status()
        await pilot.click("#section-rights_payments")  # the server answers: session expired
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#identifier").value == PAUL  # type: ignore[attr-defined]

        await time_passes(pilot, clock, 121)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#identifier").value == ""  # type: ignore[attr-defined]
