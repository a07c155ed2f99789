"""Words that must not break (issue 20, point 3), checked on the flow items' own screens: at
each new screen of a flow tagged ``wrapping``, its Textual item paints it at 60, 80 and 100
columns and reads every row (``conftest.py`` calls ``check_screen``); no wrapped row may
start with « : ; ! ? » » or « € », and no number, amount or phone number may be cut in two.
The journey is replayed once, by its own item, not a second time for its words."""

from __future__ import annotations

from typing import Any, Protocol

import pytest
from textual.app import App

from caf_tui.replay.failures import StepFailed
from caf_tui.replay.screen import screen_text
from caf_tui.replay.tui import SIZE
from tests.words.rows import screen_breaks

TAG = "wrapping"
#: The terminals of the issue: a small one (its scroll bar narrows the text), two usual ones.
SIZES = ((60, 20), (80, 24), (100, 32))
SEEN = pytest.StashKey[set[tuple[str, str]]]()


class Resizable(Protocol):
    """What the check needs of a driver (``TuiDriver``): its app, and resizing it."""

    @property
    def app(self) -> App[Any]: ...

    async def resize(self, width: int, height: int) -> None: ...


def words_shown(app: App[Any]) -> str:
    """The screen's words, leaving out what is typed in the fields: a key typed wraps nothing."""
    lines = screen_text(app).splitlines()
    return "\n".join(line for line in lines if not (line.startswith("<") and line.endswith(">")))


async def check_screen(item: pytest.Item, driver: Resizable) -> None:
    """The screen at each size, once per screen and words; back to the flow's size after."""
    app = driver.app
    painted = (type(app.screen).__name__, words_shown(app))
    seen = item.stash.setdefault(SEEN, set())
    if painted in seen:
        return
    seen.add(painted)
    found: dict[str, list[str]] = {}
    for width, height in SIZES:
        await driver.resize(width, height)
        for problem in screen_breaks(app):
            found.setdefault(f"{painted[0]} at {width}", []).append(problem)
    await driver.resize(*SIZE)
    if found:
        raise StepFailed(f"des mots coupés où le français les garde ensemble : {found}")


def wants_the_check(item: Any) -> bool:
    flow = getattr(item, "flow", None)
    return getattr(item, "front_end", "") == "tui" and flow is not None and TAG in flow.tags
