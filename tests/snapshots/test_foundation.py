"""Snapshots of the login screen and the dashboard, at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from caf_tui.app import CafApp
from tests.snapshots.conftest import SIZES
from tests.tui.drive import log_in, settle


@pytest.mark.parametrize("size", SIZES)
def test_login_screen(
    snap_compare: Any, snapshot_app: Callable[..., CafApp], size: tuple[int, int]
) -> None:
    """The login form as it first paints: NIR field focused, nothing typed."""

    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_login_error(
    snap_compare: Any, snapshot_app: Callable[..., CafApp], size: tuple[int, int]
) -> None:
    """A wrong password: the message beside the form, the NIR kept, the password emptied."""

    async def wrong_password(pilot: Pilot[None]) -> None:
        await log_in(pilot, "1 78 02 99 999 015 71", "Wrong1234")

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=wrong_password)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(
    snap_compare: Any, snapshot_app: Callable[..., CafApp], size: tuple[int, int]
) -> None:
    """Paul LEROY's dashboard: his name, numéro allocataire, sections and payments."""

    async def paul(pilot: Pilot[None]) -> None:
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=paul)
