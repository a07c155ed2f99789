"""MOT DE PASSE OUBLIÉ: the identifier, then the server directs (code, new password, login)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Label, Static

from caf_tui import help_texts, rules
from caf_tui.api import IdentifierKind
from caf_tui.i18n import N_, _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.toggles import TickBox


class ForgotPasswordScreen(SectionScreen):
    """Opened from the login screen's « Mot de passe oublié ? »."""

    HEADING = N_("MOT DE PASSE OUBLIÉ")
    AUTO_FOCUS = "#identifier"
    HELP = N_(
        "Saisissez l'identifiant avec lequel vous vous connectez. Si un compte lui correspond, "
        "un code de vérification est envoyé au téléphone portable ou à l'adresse e-mail "
        "enregistrés, puis vous choisissez un nouveau mot de passe."
    )

    def __init__(self, kind: IdentifierKind, identifier: str = "") -> None:
        super().__init__()
        self.start_kind = kind
        self.start_identifier = identifier

    def compose_form(self) -> ComposeResult:
        yield Static(
            _(
                "Indiquez votre identifiant : si un compte lui correspond, nous envoyons un "
                "code de vérification à vos coordonnées de contact enregistrées."
            )
        )
        yield Label(_("Numéro de Sécurité sociale"), id="identifier-label")
        yield HelpedInput(id="identifier", max_length=40, help_text=help_texts.nir_help())
        yield FieldError(id="error-identifier")
        yield TickBox(_("J'ai un identifiant provisoire"), id="temporary")
        yield Button(_("Valider"), id="validate", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#retry").display = False
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
            label.update(_("Identifiant provisoire"))
            field.help_text = help_texts.temporary_id_help()
        else:
            label.update(_("Numéro de Sécurité sociale"))
            field.help_text = help_texts.nir_help()

    @on(Input.Submitted, "#identifier")
    def submitted(self) -> None:
        self.send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.send()

    def send(self) -> None:
        self.clear_errors()
        field = self.query_one("#identifier", Input)
        kind = self.kind
        try:
            identifier = rules.normalise_identifier(kind, field.value)
        except rules.RuleError as error:
            self.query_one("#error-identifier", FieldError).show(error.message)
            field.focus()
            return

        async def call() -> None:
            step = await self.caf.journey.submit(lambda b: b.start_recovery(kind, identifier))
            await self.caf.show_step(step)

        self.run_backend(call)
