"""Escape on the dashboard asks whether to log out: there is no step there to resume
(issue 20, point 5). The words are the dashboard's step description's, which the line mode
asks too."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from caf_tui.app import CafApp
from caf_tui.i18n import _
from caf_tui.replay import settle as settling
from caf_tui.screens.confirm_quit import ConfirmQuitScreen
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.steps import words
from caf_tui.steps.account import DASHBOARD
from tests.tui.drive import log_in


def dialog_text(app: CafApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static)).replace("\u00a0", " ")


async def test_escape_on_the_dashboard_asks_to_log_out(make_app: Callable[..., CafApp]) -> None:
    app = make_app(remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")
        assert isinstance(app.screen, DashboardScreen)
        await settling.press(pilot, "escape")
        assert isinstance(app.screen, ConfirmQuitScreen)
        said = dialog_text(app)
        assert "déconnecter" in said
        assert "reprendrez" not in said and "étape" not in said
        assert app.screen.text == _(DASHBOARD.quit_question or "")

        await settling.press(pilot, "escape")  # « Rester »
        assert isinstance(app.screen, DashboardScreen)
        assert app.journey.logged_in

        await settling.press(pilot, "escape")
        app.screen.query_one("#quit").focus()
        await settling.press(pilot, "enter")
        assert isinstance(app.screen, LoginScreen)
        assert not app.journey.logged_in


def test_the_journey_question_stays_on_the_journey_steps() -> None:
    assert DASHBOARD.quit_question == words.QUIT_DASHBOARD != words.QUIT_JOURNEY
