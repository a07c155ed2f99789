"""Snapshots of every screen of « votre connexion change », Karim TADJ's journey.

The stub's clock is frozen and the app's clock stands still with it, so the code's countdown
reads the same on every run.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from caf_stub import RunningStub
from caf_tui.api import StepName
from tests.snapshots.conftest import SIZES
from tests.tui.migration import ORDER, Clocks, karim_to, make_app, press, type_keys

STEPS = ORDER[:-1]  # the dashboard has snapshots of its own


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", STEPS, ids=[s.value for s in STEPS])
def test_each_step_as_it_first_shows(
    snap_compare: Any, stub: RunningStub, step: StepName, size: tuple[int, int]
) -> None:
    """Each step's screen as the server first directs it, nothing typed yet."""
    clocks = Clocks(stub)
    app, _ = make_app(stub, clocks)

    async def reach(pilot: Pilot[None]) -> None:
        await karim_to(pilot, step)

    assert snap_compare(app, terminal_size=size, run_before=reach)


@pytest.mark.parametrize("size", SIZES)
def test_password_checklist_half_met(
    snap_compare: Any, stub: RunningStub, size: tuple[int, int]
) -> None:
    """« karim20 » typed: length and capital missing, each marked ✗ in words, not colour alone."""
    app, _ = make_app(stub, Clocks(stub))

    async def typed(pilot: Pilot[None]) -> None:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await type_keys(pilot, "#password", "karim20")

    assert snap_compare(app, terminal_size=size, run_before=typed)


def test_code_screen_after_expiry(snap_compare: Any, stub: RunningStub) -> None:
    """Ten minutes later the SMS code has expired: the screen says so and points to « Demander »."""
    clocks = Clocks(stub)
    app, _ = make_app(stub, clocks)

    async def expired(pilot: Pilot[None]) -> None:
        await karim_to(pilot, StepName.VERIFY_CODE)
        clocks.advance(601)
        await pilot.pause(1.2)

    assert snap_compare(app, terminal_size=(100, 40), run_before=expired)


def test_quit_asks_first(snap_compare: Any, stub: RunningStub) -> None:
    """Échap on a journey step: the confirmation says what is kept and where the person resumes."""
    app, _ = make_app(stub, Clocks(stub))

    async def quit_pressed(pilot: Pilot[None]) -> None:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=quit_pressed)


def test_contact_editor_with_a_refused_phone(snap_compare: Any, stub: RunningStub) -> None:
    """« Modifier mes coordonnées de contact » with a landline typed: the error beside the
    field, the number typed kept."""
    app, _ = make_app(stub, Clocks(stub))

    async def landline(pilot: Pilot[None]) -> None:
        await karim_to(pilot, StepName.CONFIRM_CONTACT)
        await press(pilot, "#edit")
        await type_keys(pilot, "#phone", "0123456789")
        await press(pilot, "#save")

    assert snap_compare(app, terminal_size=(100, 40), run_before=landline)
