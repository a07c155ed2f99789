"""MOT DE PASSE OUBLIÉ: the identifier, then the server directs (code, new password, login)."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from caf_tui import help_texts, rules
from caf_tui.api import IdentifierKind
from caf_tui.i18n import _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import helps, words
from caf_tui.widgets.button import Button
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.toggles import TickBox


class ForgotPasswordScreen(SectionScreen):
    """Opened from the login screen's « Mot de passe oublié ? »."""

    HEADING = words.RECOVERY_TITLE
    AUTO_FOCUS = "#identifier"
    HELP = helps.FORGOT_PASSWORD

    def __init__(self, kind: IdentifierKind, identifier: str = "") -> None:
        super().__init__()
        self.start_kind = kind
        self.start_identifier = identifier

    def compose_form(self) -> ComposeResult:
        yield Static(_(words.FORGOT_PASSWORD_INTRO))
        yield Label(_(words.NIR_LABEL), id="identifier-label")
        yield HelpedInput(id="identifier", max_length=40, help_text=help_texts.nir_help())
        yield FieldError(id="error-identifier")
        yield TickBox(_(words.HAVE_TEMPORARY_ID), id="temporary")
        yield Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#temporary", TickBox).value = self.start_kind is IdentifierKind.TEMPORARY
        self.query_one("#identifier", Input).value = self.start_identifier

    @property
    def kind(self) -> IdentifierKind:
        temporary = self.query_one("#temporary", TickBox).value
        return IdentifierKind.TEMPORARY if temporary else IdentifierKind.NIR

    @on(TickBox.Changed, "#temporary")
    def switch_kind(self, event: TickBox.Changed) -> None:
        label = self.query_one("#identifier-label", Label)
        field = self.query_one("#identifier", HelpedInput)
        if event.value:
            label.update(_(words.TEMPORARY_ID_LABEL))
            field.help_text = help_texts.temporary_id_help()
        else:
            label.update(_(words.NIR_LABEL))
            field.help_text = help_texts.nir_help()

    @on(Input.Submitted, "#identifier")
    @on(Button.Pressed, "#validate")
    def send(self) -> None:
        self.clear_errors()
        kind = self.kind
        identifier = self.checked_input("identifier", partial(rules.normalise_identifier, kind))
        if identifier is None:
            return

        async def call() -> None:
            step = await self.caf.journey.start_recovery(kind, identifier)
            self.caf.go_to(step)

        self.run_backend(call)
