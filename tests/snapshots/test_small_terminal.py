"""Snapshots at 60x20, the smallest size we support: the new-password screen (the field and
its six rules in view together) and the dashboard; the app answers from Karim's and Paul's
visits to the stub, in memory."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from caf_tui.api import StepName
from caf_tui.replay import settle
from tests.snapshots.scenes import painted
from tests.snapshots.visits import Visit

SMALL = (60, 20)


def test_password_screen_at_60x20(snap_compare: Any, karim: Visit) -> None:
    """Karim on « Choisir son mot de passe », the field focused: all six rules under it."""

    async def reach(pilot: Pilot[None]) -> None:
        await settle.settle(pilot)
        await pilot.wait_for_scheduled_animations()

    app = karim.app(StepName.CHOOSE_PASSWORD)
    assert snap_compare(app, terminal_size=SMALL, run_before=reach)


def test_dashboard_at_60x20(snap_compare: Any, paul: Visit) -> None:
    """Paul LEROY's dashboard at 60 columns: amounts on one row."""

    assert snap_compare(paul.app(StepName.DASHBOARD), terminal_size=SMALL, run_before=painted)
