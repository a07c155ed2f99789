"""MES AUTORISATIONS: let the spouse consult the file and act on it, refuse, or skip."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, RadioSet, Static

from caf_tui.api import SpouseAuthorisationStep, SpouseDecision, StepName
from caf_tui.i18n import N_, _
from caf_tui.labels import spouse_right
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.styles import stylesheet
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader
from caf_tui.widgets.toggles import ChoiceButton


@step_screen(StepName.SPOUSE_AUTHORISATION)
class SpouseAuthorisationScreen(JourneyStepScreen[SpouseAuthorisationStep]):
    CSS_PATH = stylesheet("spouse_authorisation")
    AUTO_FOCUS = "#decision"
    HELP = N_(
        "Si vous l'autorisez, votre conjoint(e) pourra consulter les droits et paiements, "
        "déclarer des changements et demander une prestation. Choisissez Oui ou Non puis "
        "« Continuer », ou « Passer » pour décider plus tard. Vous pourrez changer d'avis dans "
        "le menu « Gérer Mon Compte »."
    )

    def compose(self) -> ComposeResult:
        step = self.step
        yield StepHeader(_("MES AUTORISATIONS"), step.progress)
        with VerticalScroll(classes="body"):
            yield Static(_("GÉRER MES AUTORISATIONS"), classes="section-title")
            yield Bullet(_("Vous êtes le responsable de votre dossier Caf."))
            yield Bullet(
                _("Aujourd'hui, vous êtes seul à pouvoir consulter les données du dossier.")
            )
            yield Bullet(_("Vous pouvez dès à présent autoriser votre conjoint(e) à :"))
            for right in step.rights:
                yield Bullet(spouse_right(right), sign="◦", classes="right")
            yield Static(
                _(
                    "J'autorise {spouse} à consulter les données du dossier et à réaliser les "
                    "démarches."
                ).format(spouse=step.spouse_name),
                markup=False,
                id="question",
            )
            with RadioSet(id="decision"):
                yield ChoiceButton(_("Oui"), id="authorise")
                yield ChoiceButton(_("Non"), id="refuse")
            yield Static(
                _("Choisissez Oui ou Non pour continuer, ou « Passer » pour décider plus tard."),
                id="ready-hint",
                classes="hint",
            )
            yield FieldError(id="error-decision")
            yield Static(
                _(
                    "A tout moment, vous pourrez revenir sur votre choix dans le menu "
                    '"Gérer Mon Compte".'
                ),
                id="later",
            )
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_("Continuer"), id="continue", variant="primary", classes="submit"),
            left=[Button(_("Passer"), id="skip", classes="submit always")],
        )
        yield KeysFooter()

    def decision(self) -> SpouseDecision | None:
        pressed = self.query_one("#decision", RadioSet).pressed_button
        return None if pressed is None or pressed.id is None else SpouseDecision(pressed.id)

    def ready(self) -> bool:
        return self.decision() is not None

    @on(RadioSet.Changed, "#decision")
    def decided(self) -> None:
        self.update_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = {"skip": SpouseDecision.SKIP, "continue": self.decision()}.get(
            event.button.id or ""
        )
        if choice is not None:
            self.submit(lambda backend: backend.decide_spouse_authorisation(choice))
