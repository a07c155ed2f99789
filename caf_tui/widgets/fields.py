"""Inputs that carry their own (?) help, read by F1."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Input


class HelpedInput(Input):
    """An input with a help text for F1 / (?). The terminal cursor sits in it when focused."""

    # As wide as what goes in it: on a large terminal the eye need not travel 200 columns from
    # a label to the end of its field. Screens may narrow it further.
    DEFAULT_CSS = """
    HelpedInput {
        max-width: 80;
    }
    """

    def __init__(self, *args: Any, help_text: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_text = help_text

    def on_focus(self) -> None:
        # Textual puts the terminal's cursor where the field was before the screen laid it out
        # or scrolled it into view; magnifiers and screen readers follow that cursor.
        self.call_after_refresh(self.place_terminal_cursor)

    def on_resize(self) -> None:
        self.place_terminal_cursor()

    def on_mount(self) -> None:
        # Focus scrolls the form with an animation that ends after on_focus: follow it.
        for ancestor in self.ancestors_with_self[1:]:
            if isinstance(ancestor, Widget) and ancestor.is_scrollable:
                self.watch(ancestor, "scroll_y", self._scrolled, init=False)

    def _scrolled(self) -> None:
        if self.has_focus:
            self.call_after_refresh(self.place_terminal_cursor)

    def place_terminal_cursor(self) -> None:
        if self.has_focus:
            self.app.cursor_position = self.cursor_screen_offset
