"""F1 / (?) help: a dialog read top to bottom, closed with Échap or the button."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui.i18n import N_, _
from caf_tui.screens.dialog import DialogScreen
from caf_tui.steps import words
from caf_tui.widgets.button import Button


class HelpScreen(DialogScreen[None]):
    # The text takes the focus first, to scroll a long help with the arrows (see app.tcss).
    DEFAULT_CSS = """
    HelpScreen #help-body {
        padding-left: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", words.CLOSE)]
    DIALOG_TITLE = N_("AIDE")

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self.text, classes="help-text")
        yield Button(_(words.CLOSE), id="close", variant="primary")

    def action_close(self) -> None:
        self.dismiss()
