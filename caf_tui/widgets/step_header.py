"""The portal's banner, the screen's title, and where the person is in the journey."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.steps import words

if TYPE_CHECKING:
    from caf_tui.api import Progress


class StepHeader(Vertical):
    DEFAULT_CLASSES = "step-header"

    def __init__(self, title: str, progress: Progress | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.progress = progress

    def compose(self) -> ComposeResult:
        yield Static(
            _("BIENVENUE DANS LE PORTAIL DE CONNEXION DES ALLOCATIONS FAMILIALES"),
            classes="portal-banner",
        )
        title = self.title_text
        if self.progress is not None:
            step = _(words.STEP_OF_TOTAL).format(
                current=self.progress.current, total=self.progress.total
            )
            title = f"{step} · {title}"
        yield Static(title, classes="screen-title")
