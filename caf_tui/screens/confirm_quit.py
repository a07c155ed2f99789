"""« Quitter » asks first: the person may come back and resume where they were."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from caf_tui.i18n import N_, _
from caf_tui.screens.dialog import DialogScreen
from caf_tui.steps import words
from caf_tui.widgets.button import Button


class ConfirmQuitScreen(DialogScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "stay", words.STAY)]
    DIALOG_TITLE = N_("QUITTER")

    def compose_body(self) -> ComposeResult:
        yield Static(self.text)
        with Horizontal(classes="buttons"):
            yield Button(_(words.STAY), id="stay")
            yield Button(_(words.QUIT), id="quit", variant="error")

    def answer(self, button_id: str | None) -> bool:
        return button_id == "quit"

    def action_stay(self) -> None:
        self.dismiss(False)
