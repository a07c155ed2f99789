"""step name -> the function that asks that step's questions, as the screens' registry does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from caf_tui.plain.context import Context

#: A step's handler: asks its questions and sends the answers, until the journey moves on.
StepHandler = Callable[[Context, Any], None]

STEP_HANDLERS: dict[str, StepHandler] = {}

H = TypeVar("H", bound=StepHandler)


def handles(name: str) -> Callable[[H], H]:
    """Decorator: this function handles the step ``name``."""

    def register(handler: H) -> H:
        STEP_HANDLERS[name] = handler
        return handler

    return register
