"""The server's conditions, scrolled with the arrows, Page suivante / précédente, Début / Fin."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui.api import TermsSection
from caf_tui.i18n import _


class TermsText(VerticalScroll):
    """The conditions' sections (their heading, their paragraphs); ``help`` is its F1 help."""

    def __init__(self, sections: Sequence[TermsSection], help: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sections = sections
        self._help = help

    @property
    def help_text(self) -> str:
        return self._help

    def compose(self) -> ComposeResult:
        for section in self.sections:
            if section.heading:
                yield Static(section.heading, markup=False, classes="terms-heading")
            for paragraph in section.paragraphs:
                yield Static(paragraph, markup=False, classes="terms-paragraph")

    def on_mount(self) -> None:
        self.border_title = _("Conditions générales (↑ ↓ pour faire défiler)")
