"""What the repository checks on its flow items beyond the flow's own steps (the items come
from caf_tui/replay/pytest_plugin.py): the wrapping of French words on every screen of the
flows tagged ``wrapping`` (tests/words/wrapping.py)."""

from __future__ import annotations

from collections.abc import Awaitable

import pytest

from caf_tui.replay.driver import Driver
from caf_tui.replay.flow import Screenshot, _Step
from caf_tui.replay.tui import TuiDriver
from tests.words.wrapping import check_screen, wants_the_check


def pytest_caf_flow_step(item: pytest.Item, step: _Step, driver: Driver) -> Awaitable[None] | None:
    if isinstance(step, Screenshot) or not isinstance(driver, TuiDriver):
        return None
    return check_screen(item, driver) if wants_the_check(item) else None
