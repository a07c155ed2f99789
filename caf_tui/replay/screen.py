"""What the screen says, as text, and as an SVG picture, with every secret field masked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static
from textual.widgets._toggle_button import ToggleButton

from caf_tui.replay.flow import is_secret_field


def shown(widget: Widget) -> bool:
    """Displayed, and so are all its containers."""
    node: Widget | None = widget
    while node is not None:
        if not node.display:
            return False
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return True


def screen_text(app: App[Any]) -> str:
    """Every visible text of the top screen, one a line; secret fields as ``***``."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if not shown(widget):
            continue
        if isinstance(widget, Button):
            state = " (désactivé)" if widget.disabled else ""
            parts.append(f"[{widget.label}]{state}")
        elif isinstance(widget, ToggleButton):
            parts.append(str(widget.render()))
        elif isinstance(widget, Input):
            secret = widget.password or is_secret_field(widget.id or "")
            value = "***" if secret and widget.value else widget.value
            parts.append(f"<{widget.id or 'champ'} : {value}>")
        elif isinstance(widget, Static | Label):
            text = str(widget.render()).strip()
            if text:
                parts.append(text)
    return "\n".join(parts)


@contextmanager
def secrets_masked(app: App[Any]) -> Iterator[None]:
    """Secret fields drawn as bullets for the time of a screenshot, on every screen of the
    stack: a dialog leaves the screen below it visible."""
    changed: list[Input] = []
    for screen in app.screen_stack:
        for field in screen.query(Input):
            if is_secret_field(field.id or "") and not field.password:
                field.password = True
                changed.append(field)
    try:
        yield
    finally:
        for field in changed:
            field.password = False


def screenshot_svg(app: App[Any], title: str) -> str:
    with secrets_masked(app):
        return app.export_screenshot(title=title)
