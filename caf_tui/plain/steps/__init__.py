"""One function per step with questions of its own; the others are asked by ``generic``, and a
step this version does not know gets ``other_step``."""

from __future__ import annotations

from functools import partial

from caf_tui.api import NextStep
from caf_tui.plain.steps import account, code, contact, login, migration, recovery
from caf_tui.plain.steps.generic import ask_step
from caf_tui.plain.steps.registry import STEP_HANDLERS, StepHandler
from caf_tui.steps import spec_for

__all__ = ["STEP_HANDLERS", "StepHandler", "handler_for"]

_MODULES = (account, code, contact, login, migration, recovery)


def handler_for(step: NextStep) -> StepHandler:
    """The step's own handler; else, for a step described with nothing special, the generic
    one; else « not available yet »."""
    if step.step in STEP_HANDLERS:
        return STEP_HANDLERS[step.step]
    spec = spec_for(step.step)
    if spec is not None and spec.generic:
        return partial(ask_step, spec=spec)
    return account.other_step
