"""Small verbs for driving the app like a person at the keyboard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot
from textual.widgets import Input

from caf_tui.app import CafApp
from caf_tui.replay.settle import press, settle, type_text

__all__ = ["log_in", "logged_in", "screen_text", "settle", "type_into"]


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """The field emptied, then ``text`` typed into it key by key (one wait, not two per key)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await settle(pilot)
    field.value = ""
    await type_text(pilot, text)


async def log_in(
    pilot: Pilot[None], identifier: str, password: str, *, temporary: bool = False
) -> None:
    if temporary:
        await pilot.click("#temporary")
    await type_into(pilot, "#identifier", identifier)
    await type_into(pilot, "#password", password)
    await press(pilot, "enter")


@asynccontextmanager
async def logged_in(
    app: CafApp,
    identifier: str,
    password: str,
    *,
    temporary: bool = False,
    size: tuple[int, int] = (100, 40),
) -> AsyncIterator[Pilot[None]]:
    """``app`` running at ``size``, the login form filled and sent (as ``log_in``): the pilot."""
    async with app.run_test(size=size) as pilot:
        await log_in(pilot, identifier, password, temporary=temporary)
        yield pilot


def screen_text(app: CafApp) -> str:
    """Everything the screen says, as plain text (what a screen reader would get)."""
    from textual.widgets import Button, Label, Static

    parts: list[str] = []
    for widget in app.screen.query("*"):
        if not widget.display:
            continue
        if isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, Static | Label):
            parts.append(str(widget.render()))
    # What a screen reader says: a no-break space reads as a space.
    return "\n".join(parts).replace("\u00a0", " ")
