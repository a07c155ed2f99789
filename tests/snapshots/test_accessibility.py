"""Usable by everyone: the login, password and code screens in English, in the high-contrast
theme and under NO_COLOR; every screen of the journey at 200x60.

Clocks are frozen as in test_migration.py (the code's countdown reads the same on every run).
Each state is said in words (« Error: », « ✗ … (not met) »), so the NO_COLOR pictures still
tell it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.pilot import Pilot

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from tests.conftest import reset_stub
from tests.tui.drive import log_in, settle
from tests.tui.migration import ORDER, Scene, karim_to, still_app, type_keys


async def login_refused(pilot: Pilot[None]) -> None:
    """Too few digits: the error under the field, in words, before anything is sent."""
    await settle(pilot)
    await type_keys(pilot, "#identifier", "1 83 05")
    await pilot.press("enter")
    await settle(pilot)


async def password_half_met(pilot: Pilot[None]) -> None:
    """« karim20 » typed: length and capital missing, each marked ✗ with its words."""
    await karim_to(pilot, StepName.CHOOSE_PASSWORD)
    await type_keys(pilot, "#password", "karim20")


async def code_screen(pilot: Pilot[None]) -> None:
    """The code screen as it first shows: field focused, validity counted down."""
    await karim_to(pilot, StepName.VERIFY_CODE)


SCENES: dict[str, Scene] = {
    "login": login_refused,
    "password": password_half_met,
    "code": code_screen,
}


@pytest.mark.parametrize("scene", SCENES)
def test_in_english(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    """--lang en: every word of the app in English; the portal's own words (server messages,
    the terms) stay French."""
    app = still_app(stub, lang="en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=SCENES[scene])


@pytest.mark.parametrize("scene", SCENES)
def test_in_the_contrast_theme(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    """--theme contrast: white and yellow on black, no shades of grey to tell things apart."""
    app = still_app(stub, theme="contrast")
    assert snap_compare(app, terminal_size=(80, 24), run_before=SCENES[scene])


@pytest.mark.parametrize("scene", SCENES)
def test_under_no_color(
    snap_compare: Any, stub: RunningStub, monkeypatch: pytest.MonkeyPatch, scene: str
) -> None:
    """NO_COLOR=1: Textual draws in shades of grey; the error, the rules met and not met, and
    the focused field still read in words and signs."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = still_app(stub)
    assert snap_compare(app, terminal_size=(80, 24), run_before=SCENES[scene])


FULL_SCREENS = [StepName.LOGIN, *ORDER]


@pytest.mark.parametrize("step", FULL_SCREENS, ids=[s.value for s in FULL_SCREENS])
def test_each_screen_at_200x60(snap_compare: Any, stub: RunningStub, step: StepName) -> None:
    """A large terminal: the form keeps a readable width, nothing stretched or lost."""
    app = still_app(stub)

    async def reach(pilot: Pilot[None]) -> None:
        if step is StepName.LOGIN:
            await settle(pilot)
        else:
            await karim_to(pilot, step)

    assert snap_compare(app, terminal_size=(200, 60), run_before=reach)


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
    stub: RunningStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    svg = await picture(still_app(stub), password_half_met)
    assert colours(svg), "the picture has no colours at all: is the SVG format known?"
    assert all(is_grey(colour) for colour in colours(svg)), sorted(colours(svg))
    text = svg.replace("&#160;", " ")
    assert "(respectée)" in text and "(non respectée)" in text

    monkeypatch.delenv("NO_COLOR")
    reset_stub(stub)  # Karim back before his journey
    coloured = await picture(still_app(stub), password_half_met)
    assert not all(is_grey(colour) for colour in colours(coloured))


async def test_the_login_error_reads_in_words_under_no_color(
    stub: RunningStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    svg = await picture(still_app(stub, lang="en"), login_refused)
    assert "Error:" in svg.replace("&#160;", " ")


async def test_the_english_login_after_a_wrong_password(stub: RunningStub) -> None:
    """The app's words in English, the portal's message in French, as the portal sent it."""
    app = still_app(stub, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "1 78 02 99 999 015 71", "Wrong1234")
        error = str(app.screen.query_one("#error-form").render())
        assert error.startswith("Error: ")
        assert "mot de passe" in error.lower() or "identifiant" in error.lower(), error
