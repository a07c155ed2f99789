"""FranceConnect in the terminal, 2/3: the identity provider's form and « ME CONNECTER »."""

from __future__ import annotations

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from caf_tui.api import ProviderForm
from caf_tui.backend.errors import BackendError
from caf_tui.franceconnect import ProviderRefusal
from caf_tui.i18n import _
from caf_tui.screens.franceconnect_parts import TerminalSignInScreen, bottom_bar
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


class FranceConnectLoginScreen(TerminalSignInScreen[ProviderForm]):
    CSS_PATH = stylesheet("franceconnect_login")

    def compose(self) -> ComposeResult:
        yield StepHeader(_("FRANCECONNECT · {provider}").format(provider=self.page.provider.name))
        with VerticalScroll(classes="body"):
            yield Static(_(words.EVERY_FIELD_REQUIRED))
            yield FieldError(id="error-form")
            for field in self.page.fields:
                yield Label(field.label, markup=False)
                if field.hint:
                    yield Static(field.hint, classes="hint", markup=False)
                yield HelpedInput(
                    id=field.name, password=field.secret, max_length=128, help_text=field.hint or ""
                )
                yield FieldError(id=f"error-{field.name}")
            yield StatusLine()
        yield bottom_bar(
            Button(self.page.submit_label, id="connect", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    @on(Input.Submitted)
    def submit_from_field(self) -> None:
        self.connect()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "connect":
            self.connect()

    def connect(self) -> None:
        self.clear_errors()
        values: dict[str, SecretStr] = {}
        for field in self.page.fields:
            widget = self.query_one(f"#{field.name}", Input)
            if not widget.value.strip():
                self.query_one(f"#error-{field.name}", FieldError).show(
                    _("Saisissez votre {label}.").format(label=field.label.lower())
                )
                widget.focus()
                return
            values[field.name] = SecretStr(widget.value)

        async def send() -> None:
            from caf_tui.screens.franceconnect_consent import FranceConnectConsentScreen

            consent = await self.sign_in.sign_in(values)
            for field in self.page.fields:
                if field.secret:
                    self.query_one(f"#{field.name}", Input).value = ""
            await self.app.push_screen(
                FranceConnectConsentScreen(self.start, self.sign_in, consent)
            )

        self.run_backend(send)

    def show_error(self, error: BackendError) -> None:
        if not isinstance(error, ProviderRefusal):
            super().show_error(error)
            return
        # Like the portal's login: the message above the form, the password to type again.
        self.query_one("#error-form", FieldError).show(error.message)
        for field in self.page.fields:
            if field.secret:
                secret = self.query_one(f"#{field.name}", HelpedInput)
                secret.value = ""
                secret.focus()
                # Already focused, it moved down under the message: the terminal cursor follows.
                self.call_after_refresh(secret.place_terminal_cursor)
