"""The terminal's own wishes: TEXTUAL_ANIMATIONS=none and NO_COLOR reach the app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings

PROBE = """
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
app = CafApp(Settings(remember=False), backend=HttpBackend("http://127.0.0.1:9"))
print(app.animation_level, app.no_color)
"""


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"TEXTUAL_ANIMATIONS": "none"}, "none False"),
        ({"TEXTUAL_ANIMATIONS": "basic", "NO_COLOR": "1"}, "basic True"),
        ({}, "full False"),
    ],
)
def test_the_app_follows_the_terminal_variables(variables: dict[str, str], expected: str) -> None:
    """Textual reads them when it is imported: a fresh process for each case."""
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTUAL_ANIMATIONS", "NO_COLOR")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**env, **variables},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split("\n")[-2] == expected


def test_no_color_is_read_when_the_app_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = CafApp(Settings(remember=False), backend=HttpBackend("http://127.0.0.1:9"))
    assert app.no_color
    assert "Monochrome" in [type(f).__name__ for f in app.get_line_filters()]


@pytest.mark.parametrize(
    ("choice", "theme", "terminal_palette"),
    [("caf", "caf", False), ("contrast", "contrast", False), ("ansi", "ansi-dark", True)],
)
async def test_themes(choice: str, theme: str, terminal_palette: bool) -> None:
    """--theme ansi leaves the colours to the terminal's own palette (ANSI colours, as set by
    the person), the others draw in true colour."""
    settings = Settings.model_validate({"remember": False, "theme": choice})
    app = CafApp(settings, backend=HttpBackend("http://127.0.0.1:9"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        assert app.native_ansi_color is terminal_palette
        assert app.has_class(f"-theme-{theme}")
