"""A dialog over the screen: its title, its text, its buttons; a button answers and closes it."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.screens.frames import ShownAtCost
from caf_tui.widgets.button import Button

R = TypeVar("R")


class DialogScreen(ShownAtCost, ModalScreen[R]):
    """Subclasses give ``DIALOG_TITLE`` (marked with ``N_``), ``compose_body`` and ``answer``."""

    DIALOG_TITLE: ClassVar[str] = ""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_(self.DIALOG_TITLE), classes="dialog-title")
            yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        yield Static(self.text)

    def answer(self, button_id: str | None) -> R | None:
        """What the dialog answers when the button ``button_id`` is pressed."""
        return None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.answer(event.button.id))
