"""The rows a screen paints, widget by widget, and the places where French typography says a
row must not break."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Footer

from caf_tui.replay.screen import shown

#: Borders, padding and no-break spaces around a row's words.
FRAME = " \u00a0\u202f│┃▎▊▌▐▕▏╎╏║▔▁─━═╭╮╰╯┌┐└┘╷╵"
#: What a row may not start with: it belongs to the word before.
NEVER_FIRST = tuple(":;!?»€")
ENDS_IN_A_DIGIT = re.compile(r"\d[\s\u00a0\u202f]*$")
STARTS_WITH_A_DIGIT = re.compile(r"^\d")


def painted_rows(widget: Widget) -> list[str]:
    """Every row ``widget`` paints itself, the ones scrolled out of view too."""
    width, height = widget.outer_size
    if not width or not height:
        return []
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def text_widgets(app: App[Any]) -> Iterator[Widget]:
    """The shown widgets that paint words (leaves), outside the footer's one-row keys."""
    for widget in app.screen.query("*"):
        if widget.children or not shown(widget):
            continue
        if any(isinstance(node, Footer) for node in widget.ancestors_with_self):
            continue
        yield widget


def bad_breaks(rows: list[str]) -> list[str]:
    """Each place where a wrapped row breaks what must stay on one row, said as
    ``"…end of the row⏎start of the next…"``."""
    found: list[str] = []
    cleaned = [row.strip(FRAME) for row in rows]
    for before, after in itertools.pairwise(cleaned):
        if not before or not after:
            continue
        if after.startswith(NEVER_FIRST) or (
            ENDS_IN_A_DIGIT.search(before) and STARTS_WITH_A_DIGIT.match(after)
        ):
            found.append(f"{before[-30:]}⏎{after[:30]}")
    return found


def screen_breaks(app: App[Any]) -> list[str]:
    """``bad_breaks`` of every text widget of the screen, named by the widget."""
    found: list[str] = []
    for widget in text_widgets(app):
        for problem in bad_breaks(painted_rows(widget)):
            found.append(f"{type(widget).__name__}#{widget.id or '-'}: {problem}")
    return found
