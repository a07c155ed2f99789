"""A button drawn as an underlined link, exactly as wide as its words."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Size

from caf_tui.widgets.button import Button


class LinkButton(Button):
    """For a link inside a sentence (« Demander l'envoi d'un nouveau code »): no border, no
    padding, so the words around it read on. Focused, it is shown reversed (app.tcss)."""

    DEFAULT_CSS = """
    LinkButton {
        min-width: 0;
    }
    """

    def __init__(self, label: str, **kwargs: Any) -> None:
        classes = " ".join(filter(None, ["link", kwargs.pop("classes", None)]))
        super().__init__(label, classes=classes, **kwargs)
        self.styles.line_pad = 0  # the stylesheet refuses "line-pad: 0"

    def get_content_width(self, container: Size, viewport: Size) -> int:
        label = self.label
        assert isinstance(label, Content)  # Button keeps its label as Content
        return max(1, label.cell_length)
