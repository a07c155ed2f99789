"""The committed man pages are the ones the parsers make now (``scripts/manpage.py``)."""

from __future__ import annotations

from caf_tui.cli_commands import SUBCOMMANDS
from caf_tui.manpage import pages


def test_the_committed_man_pages_are_in_step_with_the_parsers() -> None:
    for path, text in pages().items():
        assert path.is_file(), f"{path} missing: run python scripts/manpage.py"
        assert path.read_text(encoding="utf-8") == text, f"run python scripts/manpage.py ({path})"


def test_the_man_page_has_every_subcommand_and_variable() -> None:
    text = next(text for path, text in pages().items() if path.name == "caf-tui.1")
    for name, *_rest in SUBCOMMANDS:
        assert f"'caf\\-tui {name.replace('-', chr(92) + '-')}'" in text, name
    assert "CAF_TUI_KIOSK_IDLE_SECONDS" in text
