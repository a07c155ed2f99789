"""Each step the contract names has its view, found when the step first comes."""

from __future__ import annotations

import pytest

from caf_tui.api import StepName
from caf_tui.screens.registry import STEP_MODULES, screen_class
from caf_tui.screens.unavailable import UnavailableStepScreen


@pytest.mark.parametrize("step", list(StepName))
def test_every_step_has_its_own_view(step: StepName) -> None:
    assert step in STEP_MODULES, f"no module named for the step {step}"
    view = screen_class(step)
    assert view is not UnavailableStepScreen
    assert view.__module__ == f"caf_tui.screens.{STEP_MODULES[step]}"


def test_an_unknown_step_gets_the_not_yet_screen() -> None:
    assert screen_class("a_step_from_the_future") is UnavailableStepScreen
