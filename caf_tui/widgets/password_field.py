"""A password input with its own « Afficher » / « Masquer » button."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import Reactive

from caf_tui.i18n import _
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.fields import HelpedInput


class PasswordInput(HelpedInput):
    """Typing changes only what the field shows, so it repaints itself alone.

    Textual lays out the whole screen when an input's virtual (scrollable) width changes,
    i.e. on every character; the field's own box never changes size, and its scrolling reads
    the virtual width directly, so a repaint is enough. That layout was most of the time
    from a key to the updated checklist.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class PasswordField(Horizontal):
    """The input keeps ``field_id`` as its id, so server errors on that field find it."""

    DEFAULT_CSS = """
    PasswordField {
        height: auto;
    }
    PasswordField > HelpedInput {
        width: 1fr;
        max-width: 40;
    }
    PasswordField > Button {
        min-width: 12;
    }
    """

    def __init__(self, field_id: str, *, max_length: int = 128, help_text: str = "") -> None:
        super().__init__(id=f"{field_id}-row")
        self.field_id = field_id
        self.max_length = max_length
        self.help_text = help_text

    def compose(self) -> ComposeResult:
        yield PasswordInput(
            id=self.field_id, password=True, max_length=self.max_length, help_text=self.help_text
        )
        yield Button(_(words.SHOW), id=f"toggle-{self.field_id}", classes="toggle-password")

    @property
    def input(self) -> HelpedInput:
        return self.query_one(HelpedInput)

    @on(Button.Pressed, ".toggle-password")
    def toggle(self, event: Button.Pressed) -> None:
        event.stop()
        field = self.input
        field.password = not field.password
        event.button.label = _(words.SHOW) if field.password else _(words.HIDE)
