"""The new-password screen on a small terminal: the field being typed and all six rules of
its checklist are in view together (issue 20, point 4)."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.replay import settle as settling
from caf_tui.screens.change_password import ChangePasswordScreen
from caf_tui.screens.recovery_password import RecoveryPasswordScreen
from caf_tui.widgets.rule_checklist import RuleChecklist
from tests.tui.drive import type_into
from tests.tui.migration import karim_to, make_app, press, type_keys
from tests.tui.test_keyboard_doors import paul_to_manage_account

RULES = 6


def rule_rows(checklist: RuleChecklist) -> list[Region]:
    """Each rule's row on the screen (the first content row is the heading)."""
    content = checklist.content_region
    return [Region(content.x, content.y + 1 + i, content.width, 1) for i in range(RULES)]


def painted(widget: Widget) -> Region:
    """What of ``widget`` is painted: its region clipped by every container it scrolls in."""
    geometry = widget.screen.find_widget(widget)
    return geometry.region.intersection(geometry.clip)


def assert_in_view(app: CafApp, field: str) -> None:
    screen = app.screen
    visible = screen.region
    focused = app.focused
    assert focused is not None and focused.id == field
    assert painted(focused) == focused.region, field
    assert visible.contains_region(focused.region), field
    checklist = screen.query_one(RuleChecklist)
    assert len(checklist.checks) == RULES
    shown = painted(checklist)
    for row in rule_rows(checklist):
        assert shown.contains_region(row) and visible.contains_region(row), (field, row)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_field_and_six_rules_in_view(stub: RunningStub, size: tuple[int, int]) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=size) as pilot:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD, through_screens=True)
        await settle_focus(pilot)
        assert_in_view(app, "password")
        await type_keys(pilot, "#password", "karim20")
        assert_in_view(app, "password")
        await settling.press(pilot, "enter")  # on to the confirmation
        await settle_focus(pilot)
        assert_in_view(app, "confirmation")


async def settle_focus(pilot: Pilot[None]) -> None:
    await settling.animated(pilot)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_recovery_field_and_six_rules_in_view(
    stub: RunningStub, size: tuple[int, int]
) -> None:
    """« Mot de passe oublié ? »'s new password: the same form, in view the same way."""
    app, _ = make_app(stub)
    async with app.run_test(size=size) as pilot:
        await type_into(pilot, "#identifier", "2 92 01 99 999 014 96")  # Claire
        await press(pilot, "#forgot")
        await press(pilot, "#validate")
        await type_keys(pilot, "#code", "123456")
        await press(pilot, "#validate")
        assert isinstance(app.screen, RecoveryPasswordScreen)
        await settle_focus(pilot)
        assert_in_view(app, "password")
        await settling.press(pilot, "enter")
        await settle_focus(pilot)
        assert_in_view(app, "confirmation")


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_change_password_fields_and_six_rules_in_view(
    stub: RunningStub, size: tuple[int, int]
) -> None:
    """« Gérer Mon Compte » › « Changer mon mot de passe »: its three fields, one after the
    other, each in view with the six rules."""
    app, _ = make_app(stub)
    async with app.run_test(size=size) as pilot:
        await paul_to_manage_account(pilot)
        await press(pilot, "#change-password")
        assert isinstance(app.screen, ChangePasswordScreen)
        await settle_focus(pilot)
        for field, typed in (("current_password", "Leroy1978"), ("password", "Paul20")):
            await type_keys(pilot, f"#{field}", typed)
            await settling.press(pilot, "enter")
            await settle_focus(pilot)
        assert_in_view(app, "confirmation")
        await type_keys(pilot, "#password", "Paul2027")
        await settle_focus(pilot)
        assert_in_view(app, "password")
