"""Textual's button, its look's classes given before its first styling."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button as TextualButton


class Button(TextualButton):
    """Textual's ``Button`` adds ``-<variant>`` and ``-style-default`` in its watchers, run by
    its ``__init__``: each queued the button for a restyle of its own, every button of each
    new screen. The classes come with the others, where the watchers then find them."""

    def __init__(self, *args: Any, classes: str | None = None, **kwargs: Any) -> None:
        variant = args[1] if len(args) > 1 else kwargs.get("variant", "default")
        own = []
        if not kwargs.get("flat", False):  # a flat one is first made a default one
            own.append("-style-default")
        if variant != "default":  # Textual's watcher runs only for another variant
            own.append(f"-{variant}")
        super().__init__(*args, classes=" ".join([*([classes] if classes else []), *own]), **kwargs)
