"""MES DERNIÈRES CONNEXIONS: the account's sessions, newest first, from the server."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.account_words import connection_text
from caf_tui.i18n import _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import words
from caf_tui.widgets.bullets import Bullet


class ConnectionsScreen(SectionScreen):
    HEADING = words.LAST_CONNECTIONS_TITLE

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.connections()
        widgets: list[Widget] = [Static(_(words.UNKNOWN_CONNECTION_ADVICE))]
        widgets += [Bullet(connection_text(c), classes="connection") for c in answer.connections]
        return widgets
