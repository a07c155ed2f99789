"""Check boxes and radio buttons whose state is drawn as a sign, not only as a colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """``[✓]`` when checked, ``[ ]`` when not: readable in monochrome and by screen readers."""

    @property
    def _button(self) -> Content:
        return Content("[✓] " if self.value else "[ ] ")


class ChoiceButton(RadioButton):
    """``(•)`` when chosen, ``( )`` when not."""

    @property
    def _button(self) -> Content:
        return Content("(•) " if self.value else "( ) ")
