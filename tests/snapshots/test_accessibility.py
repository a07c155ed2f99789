"""Usable by everyone: the login, password and code screens in English, in the high-contrast
theme and under NO_COLOR; every screen of the journey at 200x60.

The app answers from Karim's visit to the stub, in memory, its clock standing still (the
code's countdown reads the same on every run); the English login after a wrong password stays
on the live stub, whose French words it shows. Each state is said in words (« Error: »,
« ✗ … (not met) »), so the NO_COLOR pictures still tell it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.pilot import Pilot

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.replay import settle
from tests.snapshots.scenes import (
    Scene,
    fill,
    karim20_typed,
    painted,
    password_half_met,
    pictures,
    press,
    wrong_password,
)
from tests.snapshots.visits import Visit
from tests.tui.migration import ORDER, still_app


async def login_refused(pilot: Pilot[None]) -> None:
    """Too few digits: the error under the field, in words, before anything is sent."""
    await settle.settle(pilot)
    fill(pilot, {"identifier": "1 83 05"})
    await press(pilot, "#identifier")


SCENES: dict[str, Scene] = {
    "login": login_refused,
    "password": karim20_typed,
    "code": painted,
}
#: Where each scene's app starts (the login if not said).
STARTS = {"password": StepName.CHOOSE_PASSWORD, "code": StepName.VERIFY_CODE}


def karims(request: pytest.FixtureRequest, scene: str, settings: dict[str, Any]) -> CafApp:
    visit = request.getfixturevalue("karim")
    return visit.app(STARTS.get(scene), **settings)  # type: ignore[no-any-return]


test_in_english = pictures(
    SCENES,
    karims,
    """--lang en: every word of the app in English; the portal's own words (server messages,
    the terms) stay French.""",
    lang="en",
)
test_in_the_contrast_theme = pictures(
    SCENES,
    karims,
    "--theme contrast: white and yellow on black, no shades of grey to tell things apart.",
    theme="contrast",
)
test_under_no_color = pictures(
    SCENES,
    karims,
    """NO_COLOR=1: Textual draws in shades of grey; the error, the rules met and not met, and
    the focused field still read in words and signs.""",
    no_color=True,
)

FULL_SCREENS = [StepName.LOGIN, *ORDER]


@pytest.mark.parametrize("step", FULL_SCREENS, ids=[s.value for s in FULL_SCREENS])
def test_each_screen_at_200x60(snap_compare: Any, karim: Visit, step: StepName) -> None:
    """A large terminal: the form keeps a readable width, nothing stretched or lost."""
    app = karim.app(None if step is StepName.LOGIN else step)
    assert snap_compare(app, terminal_size=(200, 60), run_before=painted)


# --- what the pictures must show, checked on the SVG itself ------------------------------


#: The window drawn around every SVG screenshot (title, three buttons), not the app.
WINDOW_CHROME = {"#c5c8c6", "#ff5f57", "#febc2e", "#28c840"}


def colours(svg: str) -> set[str]:
    return {match.lower() for match in re.findall(r"#[0-9a-fA-F]{6}\b", svg)} - WINDOW_CHROME


def is_grey(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return max(r, g, b) - min(r, g, b) <= 2


async def picture(app: CafApp, scene: Scene) -> str:
    async with app.run_test(size=(80, 24)) as pilot:
        await scene(pilot)
        await pilot.pause()
        return app.export_screenshot()


async def test_no_color_means_no_colour_and_the_words_stay(
    karim: Visit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    svg = await picture(karim.app(), password_half_met)
    assert colours(svg), "the picture has no colours at all: is the SVG format known?"
    assert all(is_grey(colour) for colour in colours(svg)), sorted(colours(svg))
    text = svg.replace("&#160;", " ")
    assert "(respectée)" in text and "(non respectée)" in text

    monkeypatch.delenv("NO_COLOR")
    coloured = await picture(karim.app(), password_half_met)
    assert not all(is_grey(colour) for colour in colours(coloured))


async def test_the_login_error_reads_in_words_under_no_color(
    karim: Visit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    svg = await picture(karim.app(lang="en"), login_refused)
    assert "Error:" in svg.replace("&#160;", " ")


async def test_the_english_login_after_a_wrong_password(stub: RunningStub) -> None:
    """The app's words in English, the portal's message in French, as the portal sent it."""
    app = still_app(stub, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await wrong_password(pilot)
        error = str(app.screen.query_one("#error-form").render())
        assert error.startswith("Error: ")
        assert "mot de passe" in error.lower() or "identifiant" in error.lower(), error
