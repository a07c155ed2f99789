"""Snapshots at 60x20, the smallest size we support: the new-password screen (the field and
its six rules in view together) and the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from tests.tui.drive import log_in
from tests.tui.migration import Clocks, karim_to, make_app

SMALL = (60, 20)


def test_password_screen_at_60x20(snap_compare: Any, stub: RunningStub) -> None:
    """Karim on « Choisir son mot de passe », the field focused: all six rules under it."""
    app, _ = make_app(stub, Clocks(stub))

    async def reach(pilot: Pilot[None]) -> None:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(app, terminal_size=SMALL, run_before=reach)


def test_dashboard_at_60x20(snap_compare: Any, snapshot_app: Callable[..., CafApp]) -> None:
    """Paul LEROY's dashboard at 60 columns: amounts on one row."""

    async def paul(pilot: Pilot[None]) -> None:
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")

    assert snap_compare(snapshot_app(), terminal_size=SMALL, run_before=paul)
