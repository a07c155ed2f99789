"""Votre espace Mon Compte est créé: the identifier to use from now on, then « Continuer »."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from caf_tui.api import AccountCreatedStep, IdentifierKind, StepName
from caf_tui.i18n import N_, _
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.styles import stylesheet
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


def access_lines(step: AccountCreatedStep) -> tuple[str, str]:
    """What to sign in with from now on, then a reminder; the identifier goes on a line of its
    own so that it is never cut in two."""
    if step.identifier_kind is IdentifierKind.TEMPORARY:
        return (
            _("Pour y accéder, utilisez votre identifiant provisoire :"),
            _("Notez-le : il vous sera demandé à chaque connexion."),
        )
    return _("Pour y accéder, utilisez votre numéro de Sécurité sociale."), ""


@step_screen(StepName.ACCOUNT_CREATED)
class AccountCreatedScreen(JourneyStepScreen[AccountCreatedStep]):
    CSS_PATH = stylesheet("account_created")
    AUTO_FOCUS = "#continue"
    HELP = N_(
        "Votre nouvelle connexion est prête. Désormais, connectez-vous avec l'identifiant "
        "indiqué et le mot de passe que vous venez de choisir. Choisissez « Continuer »."
    )

    def compose(self) -> ComposeResult:
        yield StepHeader(_("Votre espace Mon Compte est créé"), self.step.progress)
        with VerticalScroll(classes="body"):
            yield Static(_("Vous venez de créer votre Espace Mon Compte."), id="created")
            how, reminder = access_lines(self.step)
            with Vertical(id="access"):
                yield Static(how)
                yield Static(self.step.identifier, markup=False, id="identifier")
                if reminder:
                    yield Static(reminder)
            yield Static(
                _(
                    "Un e-mail de confirmation vous a été envoyé (« Accusé de réception de votre "
                    "démarche en ligne »)."
                ),
                id="mail-sent",
            )
            yield Static(
                _("A bientôt sur caf.fr ou sur l'application mobile Caf - Mon Compte."),
                id="see-you",
            )
            yield Static(
                _(
                    "Votre Caf vous recommande de ne pas cliquer sur les liens contenus dans les "
                    "courriels. Ils peuvent diriger vers des sites frauduleux. Il est préférable "
                    "de saisir directement l'adresse du site dans votre navigateur."
                ),
                classes="hint",
            )
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_("Continuer"), id="continue", variant="primary", classes="submit"),
            left=[],
        )
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.submit(lambda backend: backend.acknowledge_account_created())
