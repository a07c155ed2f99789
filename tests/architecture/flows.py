"""The repository's flows (``flows/*.yaml``), one test for each, and flows written in a test:
what the checks of the names a flow gives read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from caf_tui.replay.flow import Flow

FLOWS = sorted((Path(__file__).parents[2] / "flows").glob("*.yaml"))
each_flow = pytest.mark.parametrize("path", FLOWS, ids=[path.stem for path in FLOWS])


def flow_of(*steps: dict[str, Any]) -> Flow:
    """A flow of ``steps``, written as in a script."""
    return Flow.model_validate({"name": "typo", "steps": list(steps)})
