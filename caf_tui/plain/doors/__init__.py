"""The ways in other than the login, offered at CONNEXION: « Mot de passe oublié ? »,
« Créer Mon Compte » and FranceConnect. Each asks its questions, then either the server
directs the next step or the person is back at CONNEXION."""

from __future__ import annotations

from collections.abc import Callable

from caf_tui.plain.context import Context
from caf_tui.plain.doors.forgot import forgot_password
from caf_tui.plain.doors.franceconnect import franceconnect
from caf_tui.plain.doors.signup import create_account

Door = Callable[[Context], None]

#: In the order the login's menu offers them, after the two kinds of identifier.
DOORS: tuple[Door, ...] = (forgot_password, create_account, franceconnect)

__all__ = ["DOORS", "Door"]
