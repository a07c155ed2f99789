"""The other ways in sit beside the form on a wide terminal, under it on a narrow one, and the
keyboard reaches them after the form either way."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caf_tui.app import CafApp
from caf_tui.replay import settle as settling
from caf_tui.screens.login import LoginScreen


@pytest.mark.parametrize(("width", "beside"), [(80, False), (99, False), (100, True), (200, True)])
async def test_doors_beside_the_form_from_100_columns(
    make_app: Callable[..., CafApp], width: int, beside: bool
) -> None:
    app = make_app()
    async with app.run_test(size=(width, 40)) as pilot:
        await settling.settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        form = app.screen.query_one("#form-column").region
        doors = app.screen.query_one("#doors-column").region
        if beside:
            assert doors.x >= form.right and doors.y == form.y
        else:
            assert doors.y >= form.bottom and doors.x == form.x


async def test_tab_reaches_franceconnect_after_the_form(make_app: Callable[..., CafApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settling.settle(pilot)
        seen: list[str] = []
        for _ in range(15):
            await settling.press(pilot, "tab")
            focused = app.focused
            seen.append(focused.id or "" if focused is not None else "")
        assert seen.index("login") < seen.index("forgot") < seen.index("franceconnect")
        assert seen.index("franceconnect") < seen.index("create-account")
