"""The login as the portal's tutorial draws it: « Se souvenir de moi » before « J'ai un
identifiant provisoire », and « Mot de passe » with its own « (?) », like the NIR field."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from caf_tui import help_texts
from caf_tui.app import CafApp
from caf_tui.replay import settle as settling
from caf_tui.screens.help import HelpScreen
from caf_tui.screens.login import LoginScreen
from tests.tui.drive import settle


async def test_remember_me_comes_before_the_temporary_identifier(
    make_app: Callable[..., CafApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        remember = app.screen.query_one("#remember").region
        temporary = app.screen.query_one("#temporary").region
        password = app.screen.query_one("#password-label").region
        assert remember.bottom <= temporary.y < password.y


async def test_tab_goes_down_the_form_in_the_order_shown(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen: list[str] = []
        for _ in range(5):
            await settling.press(pilot, "tab")
            assert app.focused is not None
            seen.append(app.focused.id or "")
        assert seen == ["remember", "temporary", "password-help", "password", "toggle-password"]


async def test_the_password_has_its_own_help_button(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        button = app.screen.query_one("#password-help")
        label = app.screen.query_one("#password-label").region
        assert button.region.y == label.y and button.region.x > label.x
        button.focus()
        await settling.press(pilot, "enter")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one(".help-text", Static).render())
        assert shown == help_texts.password_help()
