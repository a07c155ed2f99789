"""MES DERNIÈRES CONNEXIONS: the account's sessions, newest first, from the server."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.api.account import Connection
from caf_tui.i18n import N_, _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.widgets.bullets import Bullet


def connection_text(connection: Connection) -> str:
    started = connection.started_at.astimezone()
    text = _("Connexion le {when:%d/%m/%Y à %H:%M}").format(when=started)
    if connection.current:
        return text + _(" (cette session)")
    if connection.ended_at is not None:
        return text + _(", terminée")
    return text + _(", toujours ouverte")


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
