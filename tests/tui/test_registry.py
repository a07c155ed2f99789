"""Each step the contract names has its view: its own module when it has specials, else the
generic step screen of its description (tests/architecture checks both front ends at once)."""

from __future__ import annotations

import pytest

from caf_tui.api import StepName
from caf_tui.screens.registry import STEP_MODULES, screen_class
from caf_tui.screens.spec_screen import SpecScreen
from caf_tui.screens.unavailable import UnavailableStepScreen
from caf_tui.steps import spec_for


@pytest.mark.parametrize("step", list(StepName))
def test_every_step_has_its_own_view(step: StepName) -> None:
    view = screen_class(step)
    assert view is not UnavailableStepScreen
    if step in STEP_MODULES:
        assert view.__module__ == f"caf_tui.screens.{STEP_MODULES[step]}"
    else:
        assert issubclass(view, SpecScreen) and view.SPEC is spec_for(step)
        assert view.__name__ == "".join(part.title() for part in step.split("_")) + "Screen"


def test_an_unknown_step_gets_the_not_yet_screen() -> None:
    assert screen_class("a_step_from_the_future") is UnavailableStepScreen
