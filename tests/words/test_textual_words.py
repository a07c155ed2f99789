"""Textual's own words (issue 20, point 2): the Ctrl+C notice, the footer's key names, the
command palette. Walked in the app, in French and in English: none of Textual's English is
shown; the words are ours, from the catalogs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.i18n import set_language
from caf_tui.replay import settle as settling
from caf_tui.textual_words import key_name
from tests.tui.migration import karim_to

#: Words Textual 8.2 shows by itself (``app.py``, ``command.py``, ``widgets/_footer.py``).
TEXTUAL_ENGLISH = re.compile(
    r"Do you want to quit|Press|quit the app|palette|Search for commands|Quit the application"
    r"|Change the current theme|Screenshot|Maximize|Minimize|\bKeys\b|help panel"
    r"|\bescape\b|\benter\b|\bctrl\b|\bshift\b|\^[a-z]|Quit the app|command prompt"
)


def shown_words(pilot: Pilot[None]) -> list[str]:
    """The footer's keys and every toast, as painted."""
    screen = pilot.app.screen
    keys = [str(key.render()) for key in screen.query(FooterKey)]
    keys += [str(key.tooltip or "") for key in screen.query(FooterKey)]
    toasts = [str(toast.render()) for toast in pilot.app.screen.query(Toast)]
    return [text for text in keys + toasts if text.strip()]


async def walk(pilot: Pilot[None]) -> list[str]:
    """Ctrl+C and Ctrl+P on the login, then the same on a step of the journey."""
    words: list[str] = []
    for step in (None, StepName.MIGRATION_INTRO):
        if step is not None:
            await karim_to(pilot, step)
        await settling.press(pilot, "ctrl+c")
        await settling.press(pilot, "ctrl+p")
        assert not any(isinstance(s, CommandPalette) for s in pilot.app.screen_stack), (
            "Textual's command palette opened"
        )
        words += shown_words(pilot)
    return words


@pytest.fixture
def app_in(stub: RunningStub) -> Iterator[Callable[[str], CafApp]]:
    def make(lang: str) -> CafApp:
        settings = Settings(lang=lang, remember=False, cursor_blink=False)
        return CafApp(settings, backend=HttpBackend(stub.url))

    yield make
    set_language("fr")


async def test_french_everywhere_textual_speaks(app_in: Callable[[str], CafApp]) -> None:
    app = app_in("fr")
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        words = await walk(pilot)
    english = [text for text in words if TEXTUAL_ENGLISH.search(text)]
    assert english == []
    said = "\n".join(words)
    assert "Voulez-vous quitter ?" in said
    assert "Pour fermer l'application, appuyez sur Ctrl+Q." in said
    assert "Ctrl+Q Fermer l'application" in said
    assert "Échap Quitter" in said


async def test_english_comes_from_our_catalog(app_in: Callable[[str], CafApp]) -> None:
    app = app_in("en")
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        words = await walk(pilot)
    said = "\n".join(words)
    assert "Do you want to close the application?" in said
    assert "To close the application, press Ctrl+Q." in said
    assert "^q" not in said and "ctrl+q" not in said


@pytest.mark.parametrize(
    ("key", "french"),
    [
        ("ctrl+q", "Ctrl+Q"),
        ("escape", "Échap"),
        ("enter", "Entrée"),
        ("shift+tab", "Maj+Tab"),
        ("question_mark", "?"),
        ("f1", "F1"),
        ("pagedown", "Page suiv."),
        ("ctrl+shift+right", "Ctrl+Maj+→"),
    ],
)
def test_key_names_as_keycaps_print_them(key: str, french: str) -> None:
    assert key_name(key) == french
