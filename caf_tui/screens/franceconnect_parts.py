"""What the FranceConnect screens share: « Retour » (Échap), the way back to the login, and
collecting the session once the sign-in is done."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Static

from caf_tui import help_texts
from caf_tui.i18n import _
from caf_tui.screens.base import CafScreen
from caf_tui.steps import words


def bottom_bar(*right: Widget, back_label: str | None = None) -> Horizontal:
    """« Retour » on the left, « Réessayer » (hidden until a network failure) and ``right``."""
    retry = Button(_(words.RETRY), id="retry")
    retry.display = False
    back = Button(back_label or _(words.BACK), id="back")
    return Horizontal(back, Static(classes="spacer"), retry, *right, classes="buttons bottom-bar")


class FranceConnectScreenBase(CafScreen):
    """A screen of the FranceConnect sign-in, above the login screen."""

    DEFAULT_CSS = """
    FranceConnectScreenBase .bottom-bar .spacer {
        width: 1fr;
        height: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *CafScreen.BINDINGS,
        Binding("escape", "back", words.BACK, show=True),
    ]

    def screen_help(self) -> str:
        return help_texts.franceconnect_help()

    def action_back(self) -> None:
        self.app.pop_screen()

    def back_to_login(self) -> None:
        """Leave FranceConnect: every screen above the login goes."""
        while len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    async def collect(self, flow_id: str) -> bool:
        """Ask the portal for the session once; True when the person is signed in (on to the
        step the portal directs, as after a login)."""
        step = await self.caf.journey.collect_franceconnect(flow_id)
        if step is None:
            return False
        self.caf.go_to(step)
        return True
