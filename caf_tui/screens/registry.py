"""step name -> view. A step described in ``caf_tui.steps`` with nothing special gets the
generic step screen; a step with a widget of its own has its screen module listed here.

A view's module is imported when its step first comes, not at start: importing them all put
a tenth of a second of rules and widgets before the first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

from caf_tui.api import StepName
from caf_tui.screens.base import StepScreen
from caf_tui.steps import spec_for

if TYPE_CHECKING:
    from caf_tui.api import NextStep

STEP_MODULES: dict[str, str] = {
    StepName.LOGIN: "login",
    StepName.CHOOSE_PASSWORD: "choose_password",
    StepName.CONFIRM_CONTACT: "confirm_contact",
    StepName.VERIFY_CODE: "verify_code",
    StepName.DASHBOARD: "dashboard",
    StepName.RECOVERY_CODE: "recovery_code",
    StepName.RECOVERY_PASSWORD: "recovery_password",
}
"""The module of ``caf_tui.screens`` whose ``@step_screen`` class shows each step that the
generic screen cannot."""

STEP_SCREENS: dict[str, type[StepScreen[Any]]] = {}

T = TypeVar("T", bound=type[StepScreen[Any]])


def step_screen(name: str) -> Callable[[T], T]:
    """Class decorator: this screen shows the step ``name`` (its module is in STEP_MODULES)."""

    def register(cls: T) -> T:
        STEP_SCREENS[name] = cls
        return cls

    return register


def screen_class(name: str) -> type[StepScreen[Any]]:
    """The view of the step ``name``; a step this client does not know gets the "not yet"
    screen."""
    if name not in STEP_SCREENS and name in STEP_MODULES:
        import_module(f"caf_tui.screens.{STEP_MODULES[name]}")
    if name in STEP_SCREENS:
        return STEP_SCREENS[name]
    spec = spec_for(name)
    if spec is not None and spec.generic:
        from caf_tui.screens.spec_screen import generic_screen

        return generic_screen(spec)
    from caf_tui.screens.unavailable import UnavailableStepScreen

    return UnavailableStepScreen


def screen_for(step: NextStep) -> StepScreen[Any]:
    """The screen for ``step``."""
    return screen_class(step.step)(step)
