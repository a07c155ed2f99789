"""FranceConnect in the terminal, 1/3: « Je choisis un compte pour me connecter »."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from caf_tui.api import ProviderList
from caf_tui.i18n import _
from caf_tui.screens.franceconnect_parts import TerminalSignInScreen, bottom_bar
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


class FranceConnectProvidersScreen(TerminalSignInScreen[ProviderList]):
    CSS_PATH = stylesheet("franceconnect_providers")

    def compose(self) -> ComposeResult:
        yield StepHeader(_(words.FRANCECONNECT_TITLE))
        with VerticalScroll(classes="body"):
            yield Static(
                _(words.FRANCECONNECT_CHOOSE_ACCOUNT).format(service=self.page.service),
                markup=False,
            )
            notes = {c.note for c in self.page.providers if c.note}
            for note in sorted(notes):
                yield Static(note, classes="hint", markup=False)
            for choice in self.page.providers:
                label = (
                    choice.name
                    if choice.available
                    else _("{name} (indisponible)").format(name=choice.name)
                )
                yield Button(
                    label,
                    name=choice.id,
                    disabled=not choice.available,
                    classes="provider submit",
                    compact=True,  # one line each, also framed-less in the contrast theme
                )
            yield FieldError(id="error-form")
            yield StatusLine()
        yield bottom_bar(Button(_(words.CANCEL), id="cancel"))
        yield KeysFooter()

    def on_mount(self) -> None:
        available = [b for b in self.query(".provider").results(Button) if not b.disabled]
        if available:
            available[0].focus()

    async def on_unmount(self) -> None:
        await self.sign_in.aclose()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for button in self.query(".provider").results(Button):
            choice = next(c for c in self.page.providers if c.id == button.name)
            button.disabled = busy or not choice.available

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("provider") and event.button.name:
            provider_id = event.button.name
            self.run_backend(lambda: self._choose(provider_id))

    async def _choose(self, provider_id: str) -> None:
        from caf_tui.screens.franceconnect_login import FranceConnectLoginScreen

        form = await self.sign_in.choose(provider_id)
        await self.app.push_screen(FranceConnectLoginScreen(self.start, self.sign_in, form))
