"""The login screen's other ways in: what to know first, FranceConnect, « Créer Mon Compte »."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from caf_tui import help_texts
from caf_tui.i18n import _


class LoginDoors(Vertical):
    """Beside the form from 100 columns, under it below: the portal puts them to the right.
    Its buttons are handled by the screen that shows it (a widget opens no screen)."""

    def compose(self) -> ComposeResult:
        yield Static(_("SAVOIR AVANT DE SE CONNECTER"), classes="section-title")
        yield Static(help_texts.before_login_help())
        yield Static(_("OU"), classes="section-title")
        yield Static(
            _(
                "FranceConnect est la solution proposée par l'État pour sécuriser et "
                "simplifier la connexion à vos services en ligne."
            )
        )
        yield Button(_("S'identifier avec FranceConnect"), id="franceconnect")
        yield Button(_("Qu'est-ce que FranceConnect ?"), id="what-franceconnect", classes="link")
        yield Static(_("Première connexion ?"), classes="section-title")
        yield Button(_("Créer Mon Compte"), id="create-account")
