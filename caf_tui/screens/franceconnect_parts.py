"""What the FranceConnect screens share: « Retour » (Échap), « Annuler », the way back to the
login, collecting the session once the sign-in is done, and a sign-in page's data."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from caf_tui import help_texts
from caf_tui.i18n import _
from caf_tui.screens.base import CafScreen
from caf_tui.screens.step_parts import retry_button
from caf_tui.steps import words
from caf_tui.widgets.button import Button

if TYPE_CHECKING:
    from caf_tui.api import FranceConnectStart
    from caf_tui.franceconnect import TerminalSignIn

P = TypeVar("P")


def bottom_bar(*right: Widget, back_label: str | None = None) -> Horizontal:
    """« Retour » on the left, « Réessayer » (hidden until a network failure) and ``right``."""
    back = Button(back_label or _(words.BACK), id="back")
    return Horizontal(
        back, Static(classes="spacer"), retry_button(), *right, classes="buttons bottom-bar"
    )


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

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.back_to_login()

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


class TerminalSignInScreen(FranceConnectScreenBase, Generic[P]):
    """A page of the sign-in in the terminal (the providers, a provider's form, the consent):
    ``page`` is what the provider sent, ``sign_in`` the conversation with it."""

    def __init__(self, start: FranceConnectStart, sign_in: TerminalSignIn, page: P) -> None:
        super().__init__()
        self.start = start
        self.sign_in = sign_in
        self.page = page
