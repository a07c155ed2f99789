"""The login screen's other ways in: what to know first, FranceConnect, « Créer Mon Compte »."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from caf_tui import help_texts
from caf_tui.i18n import _
from caf_tui.steps import words
from caf_tui.widgets.button import Button


class LoginDoors(Vertical):
    """Beside the form from 100 columns, under it below: the portal puts them to the right.
    Its buttons are handled by the screen that shows it (a widget opens no screen)."""

    def compose(self) -> ComposeResult:
        yield Static(_("SAVOIR AVANT DE SE CONNECTER"), classes="section-title")
        yield Static(help_texts.before_login_help())
        yield Static(_("OU"), classes="section-title")
        yield Static(_(words.FRANCECONNECT_PITCH))
        yield Button(_(words.FRANCECONNECT_SIGN_IN), id="franceconnect")
        yield Button(_(words.WHAT_IS_FRANCECONNECT), id="what-franceconnect", classes="link")
        yield Static(_("Première connexion ?"), classes="section-title")
        yield Button(_(words.CREATE_ACCOUNT), id="create-account")
