"""The hook the flow items call (``pytest_plugin``), for a project's conftest to implement."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from caf_tui.replay.driver import Driver
    from caf_tui.replay.flow import _Step
    from caf_tui.replay.pytest_plugin import FlowItem


@pytest.hookspec
def pytest_caf_flow_step(item: FlowItem, step: _Step, driver: Driver) -> Awaitable[None] | None:
    """After each step of a flow item that passed, what is shown is there to check more of
    (the wrapping of its words, say): an awaitable answer is awaited in the replay's loop;
    raise ``caf_tui.replay.failures.StepFailed`` to fail the step, with the report's screen
    and last requests."""
