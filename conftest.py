"""What the repository checks on its flow items (flows/, collected by
caf_tui/replay/pytest_plugin.py) beyond the flows' own steps: the wrapping of French words on
every screen of the flows tagged ``wrapping`` (tests/words/wrapping.py); and, for every item of
tests/ and flows/, no event loop left marked running by the browser tests. Here at the root,
not in flows/: that folder is shipped in the wheel as caf_tui/flows."""

from __future__ import annotations

from collections.abc import Awaitable

import pytest

from caf_tui.replay.driver import Driver
from caf_tui.replay.flow import Screenshot, _Step
from caf_tui.replay.tui import TuiDriver
from tests.words.wrapping import check_screen, wants_the_check

pytest_plugins = ["tests.loop_guard"]


def pytest_caf_flow_step(item: pytest.Item, step: _Step, driver: Driver) -> Awaitable[None] | None:
    if isinstance(step, Screenshot) or not isinstance(driver, TuiDriver):
        return None
    return check_screen(item, driver) if wants_the_check(item) else None
