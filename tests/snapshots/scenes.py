"""What the snapshot tests do before the picture (``Scene``s), and the tests made once for
every front (``pictures``: a language, a theme, NO_COLOR, a size; ``at_sizes``).

Actions are waited for on the events they set going (``caf_tui.replay.settle``), not on the
CPU going idle; the cursor does not blink (``Visit.app``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input

from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.replay import settle as settled
from tests.snapshots.visits import KARIM, PAUL, WRONG_PASSWORD, reach

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def on_step(pilot: Pilot[None], person: tuple[str, str], target: StepName) -> None:
    """``person`` logged in and on the screen of ``target``, the steps before answered as the
    visit answered them (``ANSWERS``)."""
    app = pilot.app
    assert isinstance(app, CafApp)
    await reach(app.journey, person, target)
    await app.show_step(app.journey.step)
    await settled.settle(pilot)


# --- one picture test for every front: a language, a theme, NO_COLOR, a size ---------------

Scene = Callable[[Pilot[None]], Awaitable[None]]
#: The app a scene starts on: ``(request, scene, settings)`` → the app (live or in memory).
AppFor = Callable[[pytest.FixtureRequest, str, dict[str, Any]], CafApp]


def pictures(
    scenes: dict[str, Scene],
    app_for: AppFor,
    doc: str,
    *,
    size: tuple[int, int] = (80, 24),
    no_color: bool = False,
    **settings: Any,
) -> Callable[..., None]:
    """A test picturing each of ``scenes`` with ``settings`` (``lang``, ``theme``) at ``size``,
    under NO_COLOR=1 if ``no_color``; its name in the module names its pictures."""

    @pytest.mark.parametrize("scene", scenes)
    def test(
        snap_compare: Any,
        request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch,
        scene: str,
    ) -> None:
        if no_color:
            monkeypatch.setenv("NO_COLOR", "1")
        app = app_for(request, scene, settings)
        assert snap_compare(app, terminal_size=size, run_before=scenes[scene])

    test.__doc__ = doc
    made: Callable[..., None] = test  # marked by pytest, which types its decorators loosely
    return made


async def press(pilot: Pilot[None], selector: str) -> None:
    """Reach a widget with the keyboard (focus scrolls it into view), then Enter: each waited
    for on the events it sets going (``settle``), not on the CPU going idle."""
    widget = pilot.app.screen.query_one(selector)
    if isinstance(widget, Button):
        # No pressed look for 0.2 s: the picture would show it or not as the CPU allows.
        widget.active_effect_duration = 0
    widget.focus()
    await settled.settle(pilot)
    assert pilot.app.focused is widget, f"{selector} cannot take the focus"
    await pilot.wait_for_scheduled_animations()  # as a person would, once it has scrolled
    await settled.press(pilot, "enter")


def fill(pilot: Pilot[None], typed: dict[str, str]) -> None:
    """Each field of ``typed`` (id → text) set as if typed, the cursor after its text."""
    for field_id, text in typed.items():
        pilot.app.screen.query_one(f"#{field_id}", Input).value = text


async def karim20_typed(pilot: Pilot[None]) -> None:
    """« karim20 » typed as Karim's new password: length and capital missing, each marked ✗."""
    await type_into(pilot, "#password", "karim20")


async def password_half_met(pilot: Pilot[None]) -> None:
    """Karim on his new password from the login (an app started there), « karim20 » typed."""
    await on_step(pilot, KARIM, StepName.CHOOSE_PASSWORD)
    await karim20_typed(pilot)


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """``text`` typed key by key into the field of ``selector``."""
    pilot.app.screen.query_one(selector, Input).focus()
    await settled.type_text(pilot, text)


def at_sizes(
    run_before: Scene, doc: str, visit: str = "paul", start: StepName | None = None
) -> Callable[..., None]:
    """A test picturing ``run_before`` at each of ``SIZES`` on the app of ``visit`` started on
    ``start`` (the login if None)."""

    @pytest.mark.parametrize("size", SIZES)
    def test(snap_compare: Any, request: pytest.FixtureRequest, size: tuple[int, int]) -> None:
        app = request.getfixturevalue(visit).app(start)
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    test.__doc__ = doc
    made: Callable[..., None] = test  # marked by pytest, which types its decorators loosely
    return made


async def painted(pilot: Pilot[None]) -> None:
    """The first screen as it first paints."""
    await settled.settle(pilot)


async def wrong_password(pilot: Pilot[None]) -> None:
    """Paul's NIR and a wrong password sent from the login form."""
    await settled.settle(pilot)
    fill(pilot, {"identifier": PAUL[0], "password": WRONG_PASSWORD})
    await press(pilot, "#password")
