"""Login to dashboard, through the app, against a real stub over HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Button, Input

from caf_tui.api import NextStep
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.widgets.messages import StatusLine
from tests.keyrings import MemoryKeyring
from tests.tui.drive import log_in, logged_in, screen_text, settle, type_into

PAUL = "1 78 02 99 999 015 71"
KARIM = "1 83 05 99 999 011 72"


async def test_paul_sees_his_dashboard_and_logs_out(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with logged_in(app, PAUL, "Leroy1978") as pilot:
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "Bonjour Paul LEROY" in text
        assert "Numéro allocataire" in text
        for section in ("Mes droits et paiements", "Déclarer un changement", "Mes attestations"):
            assert section in text
        await pilot.click("#logout")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert not app.backend.has_session  # type: ignore[attr-defined]


async def test_thirteen_digits_alone_are_enough(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with logged_in(app, "1780299999015", "Leroy1978"):
        assert isinstance(app.screen, DashboardScreen)


async def test_wrong_password_and_unknown_nir_say_the_same(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with logged_in(app, PAUL, "WrongPass1") as pilot:
        wrong_password = screen_text(app)
        assert "Identifiant ou mot de passe incorrect" in wrong_password
        assert app.screen.query_one("#identifier", Input).value == PAUL
        assert app.screen.query_one("#password", Input).value == ""

        unknown = "1 99 01 99 999 099"
        await log_in(pilot, unknown, "WrongPass1")
        assert "Identifiant ou mot de passe incorrect" in screen_text(app)
        assert app.screen.query_one("#identifier", Input).value.replace(" ", "") == unknown.replace(
            " ", ""
        )


async def test_malformed_nir_is_caught_before_sending(
    make_app: Callable[..., CafApp], stub: object
) -> None:
    app = make_app()
    async with logged_in(app, "1 83 05 99 999 011 73", "83051234") as pilot:
        text = screen_text(app)
        assert "La clé" in text
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#password", Input).value == "83051234"
        await log_in(pilot, "1 83 05", "83051234")
        assert "Numéro trop court" in screen_text(app)
    assert not app.backend.has_session  # type: ignore[attr-defined]


async def test_unreachable_backend_keeps_everything_and_offers_retry(
    memory_keyring: MemoryKeyring, stub: object
) -> None:
    backend = HttpBackend("http://127.0.0.1:9")
    app = CafApp(Settings(cursor_blink=False, remember=False), backend=backend)
    async with logged_in(app, PAUL, "Leroy1978") as pilot:
        assert "injoignable" in screen_text(app)
        assert app.screen.query_one("#identifier", Input).value == PAUL
        assert app.screen.query_one("#password", Input).value == "Leroy1978"
        retry = app.screen.query_one("#retry")
        assert retry.display
        backend.base_url = stub.url  # type: ignore[attr-defined]  # the link is back
        await pilot.click("#retry")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_karim_is_shown_the_step_the_server_asks_for(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with logged_in(app, KARIM, "83051234"):
        assert app.journey.step.step == "migration_intro"
        assert not isinstance(app.screen, LoginScreen | DashboardScreen)


async def test_remember_me_stores_the_identifier_only(
    make_app: Callable[..., CafApp], memory_keyring: MemoryKeyring
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#remember")
        await log_in(pilot, PAUL, "Leroy1978")
        assert isinstance(app.screen, DashboardScreen)
    assert list(memory_keyring.entries.values()) == ["nir:178029999901571"]

    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert again.screen.query_one("#identifier", Input).value == PAUL
        assert again.focused is again.screen.query_one("#password", Input)


async def test_no_keyring_is_said_once_and_login_goes_on(stub: object) -> None:
    import keyring

    from tests.keyrings import NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        app = CafApp(Settings(cursor_blink=False), backend=HttpBackend(stub.url))  # type: ignore[attr-defined]
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            assert "Aucun trousseau sécurisé" in screen_text(app)
            await log_in(pilot, PAUL, "Leroy1978")
            assert isinstance(app.screen, DashboardScreen)
    finally:
        keyring.set_keyring(previous)


async def test_temporary_identifier_switches_the_field(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#temporary")
        await pilot.pause()
        assert "Identifiant provisoire" in screen_text(app)
        await type_into(pilot, "#identifier", "T0000004")
        await pilot.press("enter")
        await settle(pilot)
        error = app.screen.query_one("#error-identifier")
        assert error.display
        assert "T suivi de 8 chiffres" in str(error.render())


async def test_a_screen_its_answer_replaces_stays_busy_until_it_goes(
    make_app: Callable[..., CafApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the server's answer and the next screen, « Se connecter » stays disabled and
    « Envoi en cours » stays said: nothing can be sent twice, nothing is redrawn for nothing.
    After a refusal (no next screen), the form is ready again."""
    seen_when_replaced: list[tuple[bool, str]] = []
    show_step = CafApp.show_step

    async def noted(self: CafApp, step: NextStep) -> None:
        leaving = self.screen
        status = leaving.query_one(StatusLine)
        seen_when_replaced.append(
            (leaving.query_one("#login", Button).disabled, str(status.render()) * status.display)
        )
        await show_step(self, step)

    monkeypatch.setattr(CafApp, "show_step", noted)
    app = make_app()
    async with logged_in(app, PAUL, "WrongPass1") as pilot:
        assert "Identifiant ou mot de passe incorrect" in screen_text(app)
        assert not app.screen.query_one("#login", Button).disabled, "refused: ready again"
        assert not app.screen.query_one(StatusLine).display
        await log_in(pilot, PAUL, "Leroy1978")
        assert isinstance(app.screen, DashboardScreen)
    assert seen_when_replaced == [(True, "Envoi en cours, veuillez patienter…")]


@pytest.mark.parametrize("size", [(60, 21), (80, 19)])
async def test_a_refusal_is_in_view_beside_the_emptied_password(
    make_app: Callable[..., CafApp], size: tuple[int, int]
) -> None:
    """On a short screen (large characters, a small window) the form is taller than the view:
    after « Identifiant ou mot de passe incorrect », both the error (at the top of the form)
    and the password field, focused and emptied, are in view: a person sees why it was
    emptied. Before, the password was scrolled to before the error was placed. Sent as a
    person does (not batched: the app lays out and scrolls on its own)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await type_into(pilot, "#identifier", PAUL)
        await type_into(pilot, "#password", "WrongPass1")
        await pilot.wait_for_animation()  # the scroll to the field, over as a person types
        await settling.press(pilot, "enter", batched=False)
        await settling.settle(pilot, batched=False)
        screen = app.screen
        error = screen.query_one("#error-form")
        password = screen.query_one("#password", Input)
        assert "Identifiant ou mot de passe incorrect" in str(error.render())
        assert password.has_focus and password.value == ""
        body = screen.query_one(".body").region
        assert body.contains_region(error.region), (body, error.region)
        assert body.contains_region(password.region), (body, password.region)
