"""step name -> view. A new step on the server is a new screen registered here, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from caf_tui.api import NextStep
from caf_tui.screens.base import StepScreen

STEP_SCREENS: dict[str, type[StepScreen[Any]]] = {}

T = TypeVar("T", bound=type[StepScreen[Any]])


def step_screen(name: str) -> Callable[[T], T]:
    """Class decorator: this screen shows the step ``name``."""

    def register(cls: T) -> T:
        STEP_SCREENS[name] = cls
        return cls

    return register


def screen_for(step: NextStep) -> StepScreen[Any]:
    """The screen for ``step``; a step this client does not know gets the "not yet" screen."""
    from caf_tui.screens.unavailable import UnavailableStepScreen

    cls = STEP_SCREENS.get(step.step, UnavailableStepScreen)
    return cls(step)
