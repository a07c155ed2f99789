"""TickBox and ChoiceButton whose long labels wrap onto more lines instead of being cut.

Textual's toggle buttons are one line high whatever their width; the portal's labels (« J'ai pris
connaissance des conditions générales d'utilisation et je les accepte ») are longer than 80
columns once indented.
"""

from __future__ import annotations

from textual.geometry import Size

from caf_tui.widgets.toggles import ChoiceButton, TickBox


class WrappingTickBox(TickBox):
    DEFAULT_CSS = """
    WrappingTickBox {
        width: 1fr;
        height: auto;
        text-wrap: wrap;
    }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(width)))


class WrappingChoiceButton(ChoiceButton):
    DEFAULT_CSS = """
    WrappingChoiceButton {
        width: 1fr;
        height: auto;
        text-wrap: wrap;
    }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(width)))
