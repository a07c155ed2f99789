"""F1 / (?) help: a dialog read top to bottom, closed with Échap or the button."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from caf_tui.i18n import _
from caf_tui.steps import words


class HelpScreen(ModalScreen[None]):
    # The text takes the focus first, to scroll a long help with the arrows (see app.tcss).
    DEFAULT_CSS = """
    HelpScreen #help-body {
        padding-left: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", words.CLOSE)]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("AIDE"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(self.text, classes="help-text")
            yield Button(_(words.CLOSE), id="close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()

    def action_close(self) -> None:
        self.dismiss()
