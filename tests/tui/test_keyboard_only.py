"""Every screen of Karim's journey, the login and the dashboard, with the keyboard alone
(Tab, Shift+Tab, Enter, Space, arrows): no click and no ``.focus()`` call. On each screen every
control is reached by Tab and by Shift+Tab, and the focused one is always on screen."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.help import HelpScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.widgets.toggles import TickBox
from tests.tui.drive import screen_text, settle
from tests.tui.keyboard import arrived_on, enter, focus_is_visible, press_button, tab_to, type_text
from tests.tui.keyboard import tab_round as tour
from tests.tui.migration import (
    CODE,
    KARIM_NIR,
    KARIM_PASSWORD,
    NEW_PASSWORD,
    ORDER,
    Clocks,
    running,
)


@pytest.mark.parametrize(
    ("size", "every_control"),
    [((80, 24), True), ((200, 60), False)],
    ids=["80x24-every-control", "200x60"],
)
async def test_karim_from_login_to_logout_by_keyboard(
    stub: RunningStub, size: tuple[int, int], every_control: bool
) -> None:
    """At 80x24 each screen is also toured with Tab and Shift+Tab (the slow part)."""
    async with running(stub, clocks=Clocks(stub), size=size) as (app, _, pilot):
        await settle(pilot)

        async def tab_round(pilot: Pilot[None]) -> None:
            if every_control:
                await tour(pilot)

        steps: list[str] = []

        async def arrive(step: StepName) -> None:
            """The journey is on ``step``: noted, checked, and its screen toured."""
            steps.append(app.journey.step.step)
            assert app.journey.step.step == step
            await tab_round(pilot)

        # CONNEXION: the identifier has the focus; Tab to the password, Enter sends.
        arrived_on(pilot, LoginScreen, "#identifier")
        await tab_round(pilot)
        await tab_to(pilot, "#identifier")
        await type_text(pilot, KARIM_NIR)
        await tab_to(pilot, "#password")
        await type_text(pilot, KARIM_PASSWORD)
        await enter(pilot)

        await arrive(StepName.MIGRATION_INTRO)
        await press_button(pilot, "#start")

        # The terms scroll with the arrows and Page Down; Space ticks; Enter continues.
        steps.append(app.journey.step.step)
        assert app.journey.step.step == StepName.ACCEPT_TERMS
        terms = app.screen.query_one("#terms-text", VerticalScroll)
        assert focus_is_visible(pilot) is terms
        await settling.press(pilot, "down", "pagedown")
        await settling.animated(pilot)
        assert terms.scroll_y > 0 or terms.max_scroll_y == 0
        await settling.press(pilot, "end")
        await tab_round(pilot)
        await tab_to(pilot, "#accept")
        await settling.press(pilot, "space")
        assert app.screen.query_one("#accept", TickBox).value
        await press_button(pilot, "#continue")

        await arrive(StepName.CHOOSE_PASSWORD)
        await tab_to(pilot, "#password")
        await type_text(pilot, NEW_PASSWORD)
        await tab_to(pilot, "#confirmation")
        await type_text(pilot, NEW_PASSWORD)
        await press_button(pilot, "#validate")

        # The channel: arrows move among the choices, Space chooses (SMS again).
        await arrive(StepName.CONFIRM_CONTACT)
        await tab_to(pilot, "#channel")
        await settling.press(pilot, "down", "space")
        channel = app.screen.query_one("#channel", RadioSet)
        assert channel.pressed_button is not None
        assert channel.pressed_button.id == "channel-email"
        await settling.press(pilot, "up", "space")
        assert channel.pressed_button.id == "channel-sms"
        await press_button(pilot, "#validate")

        await arrive(StepName.VERIFY_CODE)
        await tab_to(pilot, "#code")
        await type_text(pilot, CODE)
        await enter(pilot)

        await arrive(StepName.ACCOUNT_CREATED)
        await press_button(pilot, "#continue")

        await arrive(StepName.SPOUSE_AUTHORISATION)
        await tab_to(pilot, "#decision")
        await settling.press(pilot, "space")  # « Oui », the first choice
        await press_button(pilot, "#continue")

        # MON COMPTE: every section is reached; Enter opens one, « Retour » comes back.
        assert isinstance(app.screen, DashboardScreen)
        await settle(pilot)
        await tab_round(pilot)
        await press_button(pilot, "#section-rights_payments")
        assert "MES DROITS ET PAIEMENTS" in screen_text(app)
        await tab_round(pilot)
        await press_button(pilot, "#back")
        assert isinstance(app.screen, DashboardScreen)
        await press_button(pilot, "#logout")
        assert isinstance(app.screen, LoginScreen)

    assert steps == ORDER[:-1]


async def test_question_mark_is_typed_in_a_field_and_opens_help_elsewhere(
    stub: RunningStub,
) -> None:
    async with running(stub) as (app, _, pilot):
        await settle(pilot)
        field = app.screen.query_one("#identifier", Input)
        assert app.focused is field
        await settling.press(pilot, "question_mark")
        assert field.value == "?"
        assert not isinstance(app.screen, HelpScreen)

        await tab_to(pilot, "#temporary")
        await settling.press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await settling.press(pilot, "escape")
        assert isinstance(app.screen, LoginScreen)

        # F1 works in the field, and gives that field's help (where to find the NIR).
        await tab_to(pilot, "#identifier", key="shift+tab")
        await settling.press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "carte Vitale" in app.screen.text
