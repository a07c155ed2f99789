"""« Êtes-vous toujours là ? »: the warning before the wipe (WCAG 2.2.1, at least 20 s)."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.styles import stylesheet


def warning_text(remaining: float, extendable: bool) -> str:
    seconds = max(0, math.ceil(remaining))
    if extendable:
        return _(
            "Êtes-vous toujours là ? Appuyez sur une touche pour continuer. Effacement dans {s} s"
        ).format(s=seconds)
    return _(
        "Cette visite a atteint sa durée maximale : vos informations seront effacées "
        "dans {s} s. Vous pourrez recommencer depuis l'accueil."
    ).format(s=seconds)


class IdleWarningScreen(ModalScreen[None]):
    """Shown over the person's screen, which stays as it is underneath. The app closes it on
    the next key (the key is not passed on to the fields)."""

    CSS_PATH = stylesheet("kiosk")

    def __init__(self, remaining: float, extendable: bool) -> None:
        super().__init__()
        self._text = warning_text(remaining, extendable)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="idle-warning"):
            yield Static(_("EFFACEMENT AUTOMATIQUE"), classes="dialog-title")
            yield Static(self._text, id="idle-text")

    def update(self, remaining: float, extendable: bool) -> None:
        self._text = warning_text(remaining, extendable)
        if self.is_mounted:
            self.query_one("#idle-text", Static).update(self._text)
