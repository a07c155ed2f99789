"""FranceConnect in the terminal, 3/3: what will be transmitted, then « Continuer sur le
portail des Allocations Familiales » (or refuse), and the portal's session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui.api import ConsentPage
from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.screens.franceconnect_parts import TerminalSignInScreen, bottom_bar
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


class FranceConnectConsentScreen(TerminalSignInScreen[ConsentPage]):
    CSS_PATH = stylesheet("franceconnect_consent")
    AUTO_FOCUS = "#accept"

    def compose(self) -> ComposeResult:
        page = self.page
        yield StepHeader(_("FRANCECONNECT · VOS INFORMATIONS"))
        with VerticalScroll(classes="body"):
            yield Static(
                _(words.FRANCECONNECT_CONSENT).format(provider=page.provider, service=page.service),
                markup=False,
            )
            for claim in page.claims:
                yield Static(f"• {claim.label} : {claim.value}", classes="claim", markup=False)
            yield FieldError(id="error-form")
            yield StatusLine()
            yield Button(page.accept_label, id="accept", variant="primary", classes="submit")
            yield Button(page.refuse_label, id="refuse", classes="submit")
        yield bottom_bar(back_label=_(words.BACK_TO_LOGIN))
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "accept":
                self.run_backend(lambda: self._decide(True))
            case "refuse":
                self.run_backend(lambda: self._decide(False))

    def action_back(self) -> None:
        self.back_to_login()

    def show_error(self, error: BackendError) -> None:
        super().show_error(error)
        if not any(b.display for b in self.query(".submit").results(Button)):
            self.query_one("#back", Button).focus()  # the only way on

    async def _decide(self, accept: bool) -> None:
        await self.sign_in.decide(accept)
        # The portal has the provider's answer: its verdict comes with the flow.
        for button in self.query(".submit").results(Button):
            button.display = False
        await self.collect(self.start.flow_id)
