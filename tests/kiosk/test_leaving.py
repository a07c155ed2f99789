"""The public cannot leave a kiosk: quit keys ask for the staff PIN; no palette, no suspend."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from textual.pilot import Pilot
from textual.widgets import Input

from caf_tui.kiosk.app import KioskApp
from caf_tui.kiosk.pin import LOCK_SECONDS, MAX_FAILURES, hash_pin, verify_pin
from caf_tui.kiosk.pin_dialog import PinScreen
from caf_tui.kiosk.welcome import WelcomeScreen
from tests.kiosk.conftest import STAFF_PIN, ManualClock
from tests.tui.drive import screen_text, settle


async def type_pin(pilot: object, pin: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    field = app.screen.query_one("#pin", Input)
    field.focus()
    await pilot.press(*pin, "enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    await app.workers.wait_for_complete()
    await settle(pilot)  # type: ignore[arg-type]


async def test_wrong_pin_stays_right_pin_exits(make_kiosk: Callable[..., KioskApp]) -> None:
    app = make_kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("ctrl+q", "ctrl+c"):
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running
            assert isinstance(app.screen, PinScreen), key
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, WelcomeScreen)

        await pilot.press("ctrl+q")
        await settle(pilot)
        await type_pin(pilot, "0000")
        assert app.is_running
        assert isinstance(app.screen, PinScreen)
        assert "Code incorrect : l'application reste ouverte." in screen_text(app)  # type: ignore[arg-type]
        assert app.screen.query_one("#pin", Input).value == ""

        await type_pin(pilot, STAFF_PIN)
        assert app.return_code == 0
        assert not app.is_running


@asynccontextmanager
async def staff_asking_to_leave(app: KioskApp) -> AsyncIterator[Pilot[None]]:
    """The kiosk running, once Ctrl+Q (the staff's way out) has opened its PIN dialog."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await settle(pilot)
        yield pilot


async def test_too_many_wrong_pins_lock_the_dialog(
    make_kiosk: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_kiosk()
    async with staff_asking_to_leave(app) as pilot:
        for _ in range(MAX_FAILURES):
            await type_pin(pilot, "1111")
        await type_pin(pilot, STAFF_PIN)  # even the right one, while locked
        assert app.is_running
        assert "Trop d'essais" in screen_text(app)  # type: ignore[arg-type]
        clock.advance(LOCK_SECONDS)
        await type_pin(pilot, STAFF_PIN)
        assert not app.is_running


async def test_no_pin_configured_means_no_exit(make_kiosk: Callable[..., KioskApp]) -> None:
    app = make_kiosk(kiosk_pin_hash=None)
    async with staff_asking_to_leave(app):
        assert "ne peut pas être fermée ici" in screen_text(app)  # type: ignore[arg-type]
        assert not app.screen.query("#pin")
        assert app.is_running


async def test_no_command_palette_and_no_suspend(make_kiosk: Callable[..., KioskApp]) -> None:
    app = make_kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.use_command_palette
        app.action_suspend_process()  # a no-op: would otherwise SIGTSTP the test run
        assert app.is_running


def test_pin_hash_round_trip() -> None:
    pin_hash = hash_pin("2468")
    assert pin_hash.startswith("$argon2")
    assert "2468" not in pin_hash
    assert verify_pin(pin_hash, "2468")
    assert not verify_pin(pin_hash, "2469")
    assert not verify_pin("not a hash", "2468")
