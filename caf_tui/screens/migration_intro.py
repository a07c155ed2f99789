"""VOTRE CONNEXION À "MON COMPTE" CHANGE ! — what the migration asks, before it starts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from caf_tui.api import MigrationIntroStep, StepName
from caf_tui.i18n import N_, _
from caf_tui.labels import stage_label
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.styles import stylesheet
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


@step_screen(StepName.MIGRATION_INTRO)
class MigrationIntroScreen(JourneyStepScreen[MigrationIntroStep]):
    CSS_PATH = stylesheet("migration_intro")
    AUTO_FOCUS = "#start"
    HELP = N_(
        "La connexion à votre espace Mon Compte change : vous vous connecterez désormais avec "
        "votre numéro de Sécurité sociale et un mot de passe que vous choisissez. Choisissez "
        "« Commencer » ; « Quitter » vous déconnecte, et vous reprendrez ici à votre prochaine "
        "connexion."
    )

    def compose(self) -> ComposeResult:
        step = self.step
        yield StepHeader(_('VOTRE CONNEXION À "MON COMPTE" CHANGE !'), step.progress)
        with VerticalScroll(classes="body"):
            yield Static(
                _(
                    "Pour faire ce changement, {n} étapes. {min} à {max} minutes sont nécessaires."
                ).format(n=len(step.stages), min=step.minutes_min, max=step.minutes_max),
                id="duration",
            )
            for number, stage in enumerate(step.stages, start=1):
                yield Static(f"{number}. {stage_label(stage)}", markup=False, classes="stage")
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(Button(_("Commencer"), id="start", variant="primary", classes="submit"))
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.submit(lambda backend: backend.start_migration())
