"""Snapshots of every screen of « votre connexion change », Karim TADJ's journey.

The app answers from Karim's visit to the stub (``conftest.karim``) and its clock stands
still, so the code's countdown reads the same on every run.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from caf_tui.api import StepName
from caf_tui.replay import settle
from caf_tui.widgets.countdown import Countdown
from tests.snapshots.scenes import SIZES, at_sizes, karim20_typed, painted, press, type_into
from tests.snapshots.visits import StillClock, Visit
from tests.tui.migration import ORDER

STEPS = ORDER[:-1]  # the dashboard has snapshots of its own


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", STEPS, ids=[s.value for s in STEPS])
def test_each_step_as_it_first_shows(
    snap_compare: Any, karim: Visit, step: StepName, size: tuple[int, int]
) -> None:
    """Each step's screen as the server first directs it, nothing typed yet."""
    assert snap_compare(karim.app(step), terminal_size=size, run_before=painted)


test_password_checklist_half_met = at_sizes(
    karim20_typed,
    "« karim20 » typed: length and capital missing, each marked ✗ in words, not colour alone.",
    visit="karim",
    start=StepName.CHOOSE_PASSWORD,
)


def test_code_screen_after_expiry(snap_compare: Any, karim: Visit) -> None:
    """Ten minutes later the SMS code has expired: the screen says so and points to « Demander »."""
    clock = StillClock()

    async def expired(pilot: Pilot[None]) -> None:
        await settle.settle(pilot)
        clock.advance(601)
        for countdown in pilot.app.screen.query(Countdown):
            countdown.tick()  # as its timer does when a second passes
        await settle.settle(pilot)

    assert snap_compare(
        karim.app(StepName.VERIFY_CODE, clock), terminal_size=(100, 40), run_before=expired
    )


def test_quit_asks_first(snap_compare: Any, karim: Visit) -> None:
    """Échap on a journey step: the confirmation says what is kept and where the person resumes."""

    async def quit_pressed(pilot: Pilot[None]) -> None:
        await settle.settle(pilot)
        await settle.press(pilot, "escape")

    assert snap_compare(
        karim.app(StepName.CHOOSE_PASSWORD), terminal_size=(80, 24), run_before=quit_pressed
    )


def test_contact_editor_with_a_refused_phone(snap_compare: Any, karim: Visit) -> None:
    """« Modifier mes coordonnées de contact » with a landline typed: the error beside the
    field, the number typed kept."""

    async def landline(pilot: Pilot[None]) -> None:
        await settle.settle(pilot)
        await press(pilot, "#edit")
        await type_into(pilot, "#phone", "0123456789")
        await press(pilot, "#save")

    assert snap_compare(
        karim.app(StepName.CONFIRM_CONTACT), terminal_size=(100, 40), run_before=landline
    )
