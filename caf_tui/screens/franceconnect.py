"""S'IDENTIFIER AVEC FRANCECONNECT: in a browser (link and QR code) or, against the demo
portal, right here in the terminal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui import help_texts
from caf_tui.api import FranceConnectStart
from caf_tui.franceconnect import TerminalSignIn
from caf_tui.i18n import _
from caf_tui.screens.franceconnect_parts import FranceConnectScreenBase, bottom_bar
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


class FranceConnectScreen(FranceConnectScreenBase):
    CSS_PATH = stylesheet("franceconnect")
    AUTO_FOCUS = "#browser"

    def compose(self) -> ComposeResult:
        yield StepHeader(_(words.FRANCECONNECT_SIGN_IN_TITLE))
        with VerticalScroll(classes="body"):
            yield Static(_(words.FRANCECONNECT_PITCH))
            yield Static(_(words.FRANCECONNECT_WHERE), classes="section-title")
            yield Button(_("Dans un navigateur (lien et QR code)"), id="browser", classes="submit")
            yield Static(
                _("Le navigateur de cet ordinateur, ou votre téléphone avec le QR code."),
                classes="hint",
            )
            yield Button(_("Dans ce terminal"), id="terminal", classes="submit")
            yield Static(
                _("Démonstration : choisissez « Démonstration eIDAS faible », test / 123."),
                classes="hint",
                id="terminal-hint",
            )
            yield Button(_(words.WHAT_IS_FRANCECONNECT), id="what", classes="link")
            yield FieldError(id="error-form")
            yield StatusLine()
        yield bottom_bar()
        yield KeysFooter()

    def __init__(self) -> None:
        super().__init__()
        self.flow: FranceConnectStart | None = None

    def on_mount(self) -> None:
        self._show_terminal()

    def _show_terminal(self) -> None:
        # Only the demo provider answers the terminal; a real FranceConnect wants a browser.
        demo = self.caf.backend.has_demo_outbox
        for widget in self.query("#terminal, #terminal-hint"):  # none once the screen is gone
            widget.display = demo

    async def _prepare(self) -> None:
        """Start the sign-in at once: the portal says then whether it is the demo."""
        self.flow = await self.caf.backend.start_franceconnect()
        self._show_terminal()
        self.set_busy(False)
        for button in self.query("#browser").results(Button):
            button.focus()  # disabled while the sign-in was being prepared

    async def _started(self) -> FranceConnectStart:
        if self.flow is None:
            await self._prepare()
        assert self.flow is not None
        flow, self.flow = self.flow, None  # one flow per sign-in: « Retour » starts another
        return flow

    def on_screen_resume(self) -> None:
        if self.flow is None:  # first shown, or back from a sign-in that used the flow
            self.run_backend(self._prepare)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "browser":
                self.run_backend(self._browser)
            case "terminal":
                self.run_backend(self._terminal)
            case "what":
                from caf_tui.screens.help import HelpScreen

                self.app.push_screen(HelpScreen(help_texts.franceconnect_help()))

    async def _browser(self) -> None:
        from caf_tui.screens.franceconnect_browser import FranceConnectBrowserScreen

        await self.app.push_screen(FranceConnectBrowserScreen(await self._started()))

    async def _terminal(self) -> None:
        from caf_tui.screens.franceconnect_providers import FranceConnectProvidersScreen

        start = await self._started()
        sign_in = TerminalSignIn(start.authorize_url)
        try:
            providers = await sign_in.list_providers()
        except BaseException:
            await sign_in.aclose()
            raise
        await self.app.push_screen(FranceConnectProvidersScreen(start, sign_in, providers))
