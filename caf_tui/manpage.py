"""The man pages of ``caf-tui`` and ``caf-stub``, made by argparse-manpage from the very parsers
the commands read (``scripts/manpage.py`` writes them to ``docs/man/``; a test keeps them in
step). In French, the source language."""

from __future__ import annotations

import argparse
from importlib.metadata import version
from pathlib import Path

from caf_tui.i18n import set_language

FOLDER = Path(__file__).resolve().parents[1] / "docs" / "man"
#: The pages' date, changed when they are: a date of the day would make every build differ.
DATE = "2026-12"
SUMMARIES = {
    "caf-tui": "guide du portail Caf « Mon Compte » dans le terminal",
    "caf-stub": "portail Caf « Mon Compte » simulé, pour les démos et les tests",
}


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "caf-stub":
        from caf_stub.__main__ import build_parser as stub_parser

        return stub_parser()
    from caf_tui.cli_parser import build_parser

    return build_parser()


def page(command: str) -> str:
    """The roff text of ``command``'s man page (section 1)."""
    from argparse_manpage.manpage import Manpage  # type: ignore[import-untyped]

    set_language("fr")
    manpage = Manpage(_parser(command))
    manpage.date = DATE
    manpage.source = f"{command} {version('caf-tui')}"
    manpage.manual = "Manuel de caf-tui"
    manpage.description = SUMMARIES[command]
    return str(manpage)


def pages() -> dict[Path, str]:
    return {FOLDER / f"{command}.1": page(command) for command in SUMMARIES}
