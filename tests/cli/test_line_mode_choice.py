"""``TERM=dumb``, or no terminal on standard output, takes the line mode and says so in one
line; ``--no-plain`` keeps the full screen."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from caf_stub import RunningStub
from caf_tui import cli


def test_term_dumb_asks_the_first_question_line_by_line(stub: RunningStub) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAF_TUI_")}
    env.update({"TERM": "dumb", "LANG": "C.UTF-8", "PYTHONUTF8": "1", "CAF_TUI_LANG": "fr"})
    child = pexpect.spawn(
        str(Path(sys.executable).parent / "caf-tui"),
        ["--backend", stub.url],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
    )
    try:
        child.expect_exact("Mode ligne à ligne : ce terminal (TERM=dumb)")
        child.expect_exact("Votre choix (1 à 5) :")
        assert "\x1b[" not in (child.before or "")  # no screen drawing before the question
        child.sendline("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


class _Ran:
    def __init__(self) -> None:
        self.plain = 0
        self.screens = 0


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> _Ran:
    """Which front end would have run (neither really runs)."""
    from caf_tui import app, plain

    seen = _Ran()

    def fake_plain(settings: Any) -> int:
        seen.plain += 1
        return 0

    def fake_run(self: Any, *args: Any, **kwargs: Any) -> None:
        seen.screens += 1

    monkeypatch.setattr(plain, "run_plain", fake_plain)
    monkeypatch.setattr(app.CafApp, "run", fake_run)
    monkeypatch.setattr(app.CafApp, "__init__", lambda self, *args, **kwargs: None)
    return seen


def test_no_terminal_on_standard_output_takes_the_line_mode(
    ran: _Ran, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli.main([]) == 0  # pytest's captured stdout is no terminal
    assert (ran.plain, ran.screens) == (1, 0)
    assert capsys.readouterr().out.splitlines() == [
        "Mode ligne à ligne : la sortie n'est pas un terminal (--no-plain pour imposer le "
        "plein écran)."
    ]


def test_no_plain_keeps_the_full_screen(
    ran: _Ran, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("ACCESSIBLE", "1")
    assert cli.main(["--no-plain"]) == 0
    assert (ran.plain, ran.screens) == (0, 1)
    assert capsys.readouterr().out == ""


def test_browser_sessions_of_caf_tui_serve_keep_the_screens(
    ran: _Ran, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert cli.main(["--kiosk"]) == 0
    assert (ran.plain, ran.screens) == (0, 1)
