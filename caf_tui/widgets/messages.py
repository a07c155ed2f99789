"""Error and status lines that say what they are in words, not only in colour."""

from __future__ import annotations

from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.steps import words


class FieldError(Static):
    """The error of one field, shown under it until the field is corrected."""

    DEFAULT_CLASSES = "field-error"

    def show(self, message: str) -> None:
        self.update(_(words.ERROR_SENTENCE).format(message=message))
        self.display = True

    def clear(self) -> None:
        if not self.display:
            return  # called on every keystroke: an update would lay out the whole screen
        self.update("")
        self.display = False

    def on_mount(self) -> None:
        if not str(self.render()).strip():
            self.display = False


class StatusLine(Static):
    """A one-line status in words ("Envoi en cours…"), announced by its text alone."""

    DEFAULT_CLASSES = "status-line"

    def say(self, message: str) -> None:
        self.update(message)
        self.display = bool(message)

    def on_mount(self) -> None:
        self.display = bool(str(self.render()).strip())
