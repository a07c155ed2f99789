"""TickBox and ChoiceButton whose long labels wrap onto more lines instead of being cut.

Textual's toggle buttons are one line high whatever their width; the portal's labels (« J'ai pris
connaissance des conditions générales d'utilisation et je les accepte ») are longer than 80
columns once indented.
"""

from __future__ import annotations

from typing import cast

from textual.geometry import Size

from caf_tui.widgets.toggles import ChoiceButton, TickBox

# Each class's DEFAULT_CSS is scoped to it: the rule naming the other one matches nothing there.
WRAPPING_CSS = """
WrappingTickBox, WrappingChoiceButton {
    width: 1fr;
    height: auto;
    text-wrap: wrap;
}
"""


class WrapsLabel:
    """Put before a toggle button's class: as tall as its label, wrapped at its width."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(cast("TickBox | ChoiceButton", self).render().wrap(width)))


class WrappingTickBox(WrapsLabel, TickBox):
    DEFAULT_CSS = WRAPPING_CSS


class WrappingChoiceButton(WrapsLabel, ChoiceButton):
    DEFAULT_CSS = WRAPPING_CSS
