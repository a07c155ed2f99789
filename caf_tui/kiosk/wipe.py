"""The end of a visit: nothing of the last person stays on the screen, the terminal or the
server. Used after the idle limit, « Terminer », and the absolute limit of a visit."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from caf_tui.journey import Journey
from caf_tui.kiosk.clear import CLEAR_SEQUENCE

if TYPE_CHECKING:
    from caf_tui.app import CafApp

__all__ = ["CLEAR_SEQUENCE", "clear_terminal", "wipe_visit"]


def clear_terminal(app: App[Any]) -> bool:
    """Erase the terminal's scrollback and screen when there is a real terminal (or a browser's
    xterm.js). Returns whether it was written: not in headless tests."""
    driver = app._driver
    if driver is None or app.is_headless:
        return False
    driver.write(CLEAR_SEQUENCE)
    driver.flush()
    return True


async def wipe_visit(app: CafApp, welcome: Screen[None]) -> None:
    """Close every screen (their fields and running requests go with them), end the session on
    the server, forget the journey, clear the terminal, and show ``welcome``."""
    while len(app.screen_stack) > 2:
        await app.pop_screen()
    app.clear_notifications()
    clear_terminal(app)
    if len(app.screen_stack) > 1:
        await app.switch_screen(welcome)
    else:
        await app.push_screen(welcome)
    # A network failure must not keep the wipe from finishing: the client forgets the token
    # whatever happens (Backend.logout), and the server ends idle sessions on its own.
    with contextlib.suppress(Exception):
        await app.journey.logout()
    app.journey = Journey(app.backend)
