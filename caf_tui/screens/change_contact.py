"""MODIFIER MES COORDONNÉES: a new phone or e-mail, saved once the code sent to it comes back."""

from __future__ import annotations

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from caf_tui import rules
from caf_tui.account_words import contact_code_sent
from caf_tui.api import Channel
from caf_tui.api.account import ContactChangeStarted
from caf_tui.i18n import _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.contact_editor import ContactEditor
from caf_tui.widgets.countdown import Countdown
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.password_field import PasswordField


class ChangeContactScreen(SectionScreen):
    DEFAULT_CSS = """
    ChangeContactScreen #code-area {
        height: auto;
    }
    """
    HEADING = words.EDIT_CONTACT_TITLE
    AUTO_FOCUS = "#current_password"
    HELP = words.CHANGE_CONTACT_HELP

    def __init__(self, phone: str | None, email: str | None) -> None:
        super().__init__()
        self.phone, self.email = phone, email

    def compose_form(self) -> ComposeResult:
        # The password first, as for a new password: an open session alone moves no codes.
        yield Label(_(words.CURRENT_PASSWORD))
        yield PasswordField("current_password")
        yield FieldError(id="error-current_password")
        yield ContactEditor(self.phone, self.email, id="contact-edit")
        with Vertical(id="code-area"):
            yield Static("", id="sent-to")
            yield Label(_(words.CODE))
            yield HelpedInput(id="code", restrict=r"[0-9]*", max_length=6)
            yield FieldError(id="error-code")
            yield Button(_("Valider le code"), id="validate-code", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#retry").display = False
        self.query_one("#code-area").display = False
        self.query_one("#cancel-edit").display = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.send_contact()
        elif event.button.id == "validate-code":
            self.send_code()

    def change(self) -> tuple[Channel, str] | None:
        """The one coordinate that differs from what is on file, or None with the reason shown."""
        editor = self.query_one(ContactEditor)
        values = editor.checked_values()
        if values is None:
            return None
        on_file = {"phone": self.phone and rules.normalise_phone(self.phone), "email": self.email}
        changed = [name for name, value in values.items() if value and value != on_file[name]]
        if len(changed) != 1:
            message = _(words.ONE_CONTACT_AT_A_TIME) if changed else _(words.TYPE_NEW_CONTACT)
            self.query_one("#error-phone", FieldError).show(message)
            return None
        name = changed[0]
        value = values[name]
        assert value is not None
        return (Channel.SMS if name == "phone" else Channel.EMAIL), value

    @on(Input.Submitted, "#current_password")
    def to_the_contact(self) -> None:
        self.query_one("#phone", Input).focus()

    @on(Input.Submitted, "#phone, #email")
    def send_contact(self) -> None:
        self.clear_errors()
        current = self.query_one("#current_password", Input)
        if not current.value:
            self.query_one("#error-current_password", FieldError).show(
                _(words.TYPE_CURRENT_PASSWORD)
            )
            current.focus()
            return
        change = self.change()
        if change is None:
            return
        password = SecretStr(current.value)

        async def call() -> None:
            started = await self.caf.backend.start_contact_change(*change, password)
            await self.show_code_area(started)

        self.run_backend(call)

    async def show_code_area(self, started: ContactChangeStarted) -> None:
        sent = contact_code_sent(started.channel, started.destination)
        self.query_one("#sent-to", Static).update(sent)
        area = self.query_one("#code-area")
        await area.query(Countdown).remove()
        await area.mount(
            Countdown(started.expires_at, self.caf.journey.server_now), before="#validate-code"
        )
        area.display = True
        self.query_one("#code", Input).focus()
        self.call_after_refresh(area.scroll_visible, top=True, animate=False)

    @on(Input.Submitted, "#code")
    def send_code(self) -> None:
        self.clear_errors()
        field = self.query_one("#code", Input)
        try:
            code = SecretStr(rules.normalise_code(field.value))
        except rules.RuleError as error:
            self.query_one("#error-code", FieldError).show(error.message)
            return

        async def call() -> None:
            await self.caf.backend.confirm_contact_change(code)
            field.value = ""
            self.forget_password()
            self.app.notify(_(words.CONTACT_CHANGED), timeout=8)
            self.dismiss()

        self.run_backend(call)

    def forget_password(self) -> None:
        for field in self.query("#current_password").results(Input):
            field.value = ""

    def on_unmount(self) -> None:
        self.forget_password()
