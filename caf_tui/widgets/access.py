"""Votre espace Mon Compte est créé: the identifier to sign in with, on a line of its own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from caf_tui.api import AccountCreatedStep, IdentifierKind
from caf_tui.i18n import _


def access_lines(step: AccountCreatedStep) -> tuple[str, str]:
    """What to sign in with from now on, then a reminder; the identifier goes on a line of its
    own so that it is never cut in two."""
    if step.identifier_kind is IdentifierKind.TEMPORARY:
        return (
            _("Pour y accéder, utilisez votre identifiant provisoire :"),
            _("Notez-le : il vous sera demandé à chaque connexion."),
        )
    return _("Pour y accéder, utilisez votre numéro de Sécurité sociale."), ""


class AccessBox(Vertical):
    def __init__(self, step: AccountCreatedStep) -> None:
        super().__init__(id="access")
        self.step = step

    def compose(self) -> ComposeResult:
        how, reminder = access_lines(self.step)
        yield Static(how)
        yield Static(self.step.identifier, markup=False, id="identifier")
        if reminder:
            yield Static(reminder)
