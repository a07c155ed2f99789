"""A replay holds the cyclic collector back while its flow runs, frees what the flow left at
its end, and gives the process its own collector settings back."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

from caf_tui.replay.collector import YOUNG_THRESHOLD
from caf_tui.replay.driver import Driver
from caf_tui.replay.flow import _Step, load_flow
from caf_tui.replay.runner import ReplayOptions, replay_flow
from caf_tui.replay.tui import TuiDriver

MALFORMED_NIR = Path(__file__).resolve().parents[2] / "flows" / "malformed-nir.yaml"


def test_a_flow_runs_with_the_collector_held_back_and_leaves_no_garbage(tmp_path: Path) -> None:
    thresholds = gc.get_threshold()
    seen: list[tuple[int, int]] = []
    apps: list[weakref.ReferenceType[Any]] = []

    async def observe(step: _Step, driver: Driver) -> None:
        seen.append((gc.get_threshold()[0], gc.get_freeze_count()))
        assert isinstance(driver, TuiDriver)
        apps.append(weakref.ref(driver.app))

    flow = load_flow(MALFORMED_NIR)
    result = replay_flow(flow, MALFORMED_NIR, ReplayOptions(report_dir=tmp_path), None, observe)

    assert result.passed, result.failure
    assert seen and all(young == YOUNG_THRESHOLD and frozen > 0 for young, frozen in seen)
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0
    assert apps[0]() is None, "the flow's app outlived it (its cycles were not collected)"
