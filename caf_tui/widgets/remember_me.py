"""« Se souvenir de moi »: the identifier (never the password) kept in the system's keyring."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from caf_tui import remember
from caf_tui.i18n import _
from caf_tui.widgets.toggles import TickBox

if TYPE_CHECKING:
    from caf_tui.api import IdentifierKind


class RememberMe(Vertical):
    """The tick box and, when no secure keyring exists, the note that says so."""

    class Recalled(Message):
        """An identifier was found in the keyring."""

        def __init__(self, kind: IdentifierKind, identifier: str) -> None:
            super().__init__()
            self.kind = kind
            self.identifier = identifier

    def compose(self) -> ComposeResult:
        yield TickBox(_("Se souvenir de moi"), id="remember")
        yield Static("", id="remember-note")

    @property
    def wanted(self) -> bool:
        """The box is ticked (and can be)."""
        box = self.query_one("#remember", TickBox)
        return box.value and not box.disabled

    @property
    def usable(self) -> bool:
        return not self.query_one("#remember", TickBox).disabled

    def recall(self) -> None:
        """Look for a remembered identifier, off the event loop (a keyring may be slow). Called
        once the screen is painted: the keyring's imports in a thread would slow the first
        frame (``CafApp.when_painted``)."""
        self.run_worker(self._recall(), group="keyring")

    async def _recall(self) -> None:
        try:
            stored = await asyncio.to_thread(remember.load)
        except remember.KeyringUnavailable:
            self._unavailable()
            return
        if stored is not None:
            self.query_one("#remember", TickBox).value = True
            self.post_message(self.Recalled(*stored))

    def _unavailable(self) -> None:
        box = self.query_one("#remember", TickBox)
        box.value = False
        box.disabled = True
        self.query_one("#remember-note", Static).update(
            _(
                "Aucun trousseau sécurisé n'est disponible sur ce système : "
                "« Se souvenir de moi » ne peut pas être utilisé."
            )
        )

    async def store(self, keep: bool, kind: IdentifierKind, identifier: str) -> None:
        """Keep the identifier, or forget the one kept, as the box said when the login left."""
        try:
            if keep:
                await asyncio.to_thread(remember.save, kind, identifier)
            else:
                await asyncio.to_thread(remember.forget)
        except remember.KeyringUnavailable:
            self.app.notify(
                _("Aucun trousseau sécurisé : votre identifiant n'a pas été mémorisé."),
                timeout=8,
            )
