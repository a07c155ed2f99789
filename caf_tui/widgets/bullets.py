"""List items whose wrapped lines stay aligned under the text, not under the bullet."""

from __future__ import annotations

from dataclasses import replace

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

SIGN_WIDTH = 2
"""Cells of the sign's column: the sign then a space."""


class HangingText(Visual):
    """A sign, then the text wrapped in the column beside it (a hanging indent).

    One widget where a row of two (the sign, the text) cost three: each widget is composed,
    styled, laid out and messaged, and lists are on most screens."""

    def __init__(self, sign: str, text: str) -> None:
        self.sign = Content(sign)
        self.text = Content(text)

    def __str__(self) -> str:
        return f"{self.sign.plain} {self.text.plain}"

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        text_width = max(width - SIGN_WIDTH, 1)
        lines = self.text.render_strips(text_width, height, style, options)
        rich_style = style.rich_style
        sign = self.sign.render_strips(SIGN_WIDTH, 1, style, replace(options, selection=None))
        first = (sign[0] if sign else Strip.blank(0)).extend_cell_length(SIGN_WIDTH, rich_style)
        indent = Strip.blank(SIGN_WIDTH, rich_style)
        return [
            Strip.join([first if number == 0 else indent, line])
            for number, line in enumerate(lines)
        ]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return SIGN_WIDTH + self.text.get_optimal_width(rules, container_width - SIGN_WIDTH)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return SIGN_WIDTH + self.text.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.text.get_height(rules, max(width - SIGN_WIDTH, 1))


class Bullet(Static):
    """A sign (« • », « ◦ ») then the text; data in the text is never read as markup."""

    DEFAULT_CSS = """
    Bullet {
        height: auto;
        padding-left: 2;
    }
    """

    def __init__(
        self, text: str, *, sign: str = "•", id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(HangingText(sign, text), id=id, classes=classes)
