"""The portal's banner, the screen's title, and where the person is in the journey."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.steps import words

if TYPE_CHECKING:
    from textual.app import RenderResult

    from caf_tui.api import Progress

PAD = 1
"""Cells each side of the banner's and the title's text, in the line's own colours."""


class BannerAndTitle(Visual):
    """Two blocks of wrapped text, each line padded in its block's style to the full width:
    the banner in the portal's colours, the title under it."""

    def __init__(self, banner: str, title: str, banner_style: Style, title_style: Style) -> None:
        self.blocks = ((Content(banner), banner_style), (Content(title), title_style))

    def __str__(self) -> str:
        return "\n".join(text.plain for text, _style in self.blocks)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        inner = max(width - 2 * PAD, 1)
        strips: list[Strip] = []
        for text, block_style in self.blocks:  # each block's style is the widget's and more
            rich_style = block_style.rich_style
            side = Strip.blank(PAD, rich_style)
            for line in text.render_strips(inner, None, block_style, options):
                strips.append(Strip.join([side, line.extend_cell_length(inner, rich_style), side]))
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widest = max(text.get_optimal_width(rules, container_width) for text, _ in self.blocks)
        return widest + 2 * PAD

    def get_height(self, rules: RulesMap, width: int) -> int:
        inner = max(width - 2 * PAD, 1)
        return sum(text.get_height(rules, inner) for text, _style in self.blocks)


class StepHeader(Static):
    """One widget, not a container of two: every screen has one (a widget is composed,
    styled, laid out and messaged each time a screen is shown)."""

    DEFAULT_CLASSES = "step-header"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-header--banner", "step-header--title"}

    def __init__(self, title: str, progress: Progress | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.progress = progress

    def render(self) -> RenderResult:
        title = self.title_text
        if self.progress is not None:
            step = _(words.STEP_OF_TOTAL).format(
                current=self.progress.current, total=self.progress.total
            )
            title = f"{step} · {title}"
        return BannerAndTitle(
            _("BIENVENUE DANS LE PORTAIL DE CONNEXION DES ALLOCATIONS FAMILIALES"),
            title,
            self.get_visual_style("step-header--banner"),
            self.get_visual_style("step-header--title"),
        )
