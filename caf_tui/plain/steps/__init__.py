"""One function per step. A step the server asks for that has none gets ``other_step``."""

from __future__ import annotations

from caf_tui.api import NextStep
from caf_tui.plain.steps import account, code, contact, login, migration, recovery
from caf_tui.plain.steps.registry import STEP_HANDLERS, StepHandler

__all__ = ["STEP_HANDLERS", "StepHandler", "handler_for"]

_MODULES = (account, code, contact, login, migration, recovery)


def handler_for(step: NextStep) -> StepHandler:
    return STEP_HANDLERS.get(step.step, account.other_step)
