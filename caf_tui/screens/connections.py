"""MES DERNIÈRES CONNEXIONS: the account's sessions, newest first, from the server."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.account_words import connection_text
from caf_tui.i18n import N_, _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.widgets.bullets import Bullet


class ConnectionsScreen(SectionScreen):
    HEADING = N_("MES DERNIÈRES CONNEXIONS")

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.connections()
        widgets: list[Widget] = [
            Static(
                _(
                    "Si vous ne reconnaissez pas une connexion, changez votre mot de passe "
                    "puis choisissez « Me déconnecter de partout »."
                )
            )
        ]
        widgets += [Bullet(connection_text(c), classes="connection") for c in answer.connections]
        return widgets
