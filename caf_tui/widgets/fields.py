"""Inputs that carry their own (?) help, read by F1."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class HelpedInput(Input):
    """An input with a help text for F1 / (?). The terminal cursor sits in it when focused."""

    def __init__(self, *args: Any, help_text: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_text = help_text
