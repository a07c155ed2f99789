"""Driving the app with the keyboard alone: no clicks, no ``.focus()``. After every key that
moves the focus, the focused control must be on screen (scrolled into view), so a person who
sees the screen knows where they are."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from caf_tui.replay import settle as settling


def focus_is_visible(pilot: Pilot[None]) -> Widget:
    """The focused widget, checked to be shown where the person can see it."""
    app = pilot.app
    focused = app.focused
    assert focused is not None, "Tab left nothing focused"
    assert focused.display and focused.visible, f"{focused!r} is focused but hidden"
    region = focused.region
    assert region.area > 0, f"{focused!r} is focused but has no place on screen"
    screen_region = app.screen.region
    assert screen_region.contains_region(region.intersection(screen_region))
    x, y = region.offset
    under = app.screen.get_widget_at(x, y)[0]
    assert under is focused or focused in under.ancestors, (
        f"{focused!r} is focused but covered by {under!r} (not scrolled into view?)"
    )
    if isinstance(focused, Input):
        # The terminal's cursor (followed by magnifiers and screen readers) sits in the field.
        assert app.cursor_position == focused.cursor_screen_offset, focused
    return focused


async def moved(pilot: Pilot[None], key: str) -> None:
    """``key`` pressed, and the scroll it started (the focused control into view) over,
    refreshed as the app would be (the terminal cursor follows the field)."""
    await settling.press(pilot, key, batched=False)
    await settling.animated(pilot, batched=False)


async def tab_to(pilot: Pilot[None], selector: str, *, key: str = "tab", limit: int = 60) -> None:
    """Press ``key`` (Tab or Shift+Tab) until the widget ``selector`` has the focus."""
    target = pilot.app.screen.query_one(selector)
    for _ in range(limit):
        if pilot.app.focused is target:
            return
        await moved(pilot, key)
        focus_is_visible(pilot)
    raise AssertionError(f"{selector} cannot be reached with {key}")


async def tab_round(pilot: Pilot[None]) -> None:
    """Tab through the whole screen and back with Shift+Tab: every control is reached, each
    one shown where it can be seen."""
    chain = pilot.app.screen.focus_chain
    assert chain, "nothing on this screen takes the focus"
    for key in ("tab", "shift+tab"):
        seen: list[Widget] = []
        for _ in range(len(chain)):
            await moved(pilot, key)
            seen.append(focus_is_visible(pilot))
        missing = [widget for widget in chain if widget not in seen]
        assert not missing, f"{key} never reaches {missing}"


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused field, key by key."""
    assert isinstance(pilot.app.focused, Input), pilot.app.focused
    await settling.type_text(pilot, text)


async def enter(pilot: Pilot[None]) -> None:
    settling.ready_to_press(pilot.app.focused)
    await moved(pilot, "enter")


def arrived_on(pilot: Pilot[None], screen: type[Screen[Any]], focused: str) -> None:
    """The app shows ``screen``, and its control ``focused`` holds the focus where it is seen
    (what a person finds on arriving there)."""
    assert isinstance(pilot.app.screen, screen), pilot.app.screen
    assert focus_is_visible(pilot) is pilot.app.screen.query_one(focused)


async def fill(pilot: Pilot[None], fields: dict[str, str]) -> None:
    """Tab to each field in turn and type into it."""
    for selector, text in fields.items():
        await tab_to(pilot, selector)
        await type_text(pilot, text)


async def press_button(pilot: Pilot[None], selector: str, *, key: str = "tab") -> None:
    """Tab (or Shift+Tab) to a button and press it with Enter."""
    await tab_to(pilot, selector, key=key)
    await enter(pilot)
