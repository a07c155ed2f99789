"""The migration's first stages: the intro, the terms, the new password."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import spec, words
from caf_tui.steps.parts import NEW_PASSWORD_FIELDS, QUIT_ACTION, continue_action, validate_action

if TYPE_CHECKING:
    from caf_tui.api import MigrationIntroStep

#: The new password's first line (its special screen says it too).
FIRST_LOGIN_PASSWORD = N_("Pour ma 1ère connexion, je choisis mon mot de passe personnel")

STAGES = {
    StepName.ACCEPT_TERMS: N_(
        "Je prends connaissance et je valide les conditions générales d'utilisation "
        'de "Mon Compte"'
    ),
    StepName.CHOOSE_PASSWORD: N_("Je choisis mon nouveau mot de passe"),
    StepName.CONFIRM_CONTACT: N_("Je confirme mes coordonnées de contact"),
}


def _intro_lines(step: MigrationIntroStep) -> Sequence[spec.Line]:
    duration = spec.Line(
        N_("Pour faire ce changement, {n} étapes. {min} à {max} minutes sont nécessaires."),
        id="duration",
        values={"n": len(step.stages), "min": step.minutes_min, "max": step.minutes_max},
    )
    stages = [
        spec.Line(STAGES[stage], kind=spec.LineKind.NUMBERED, number=number, classes="stage")
        if stage in STAGES
        else spec.Line(
            str(stage), kind=spec.LineKind.NUMBERED, number=number, classes="stage", literal=True
        )
        for number, stage in enumerate(step.stages, start=1)
    ]
    return [duration, *stages]


MIGRATION_INTRO = spec.StepSpec(
    name=StepName.MIGRATION_INTRO,
    title=N_('VOTRE CONNEXION À "MON COMPTE" CHANGE !'),
    resume_name=N_("Votre connexion à « Mon Compte » change"),
    help=N_(
        "La connexion à votre espace Mon Compte change : vous vous connecterez désormais avec "
        "votre numéro de Sécurité sociale et un mot de passe que vous choisissez. Choisissez "
        "« Commencer » ; « Quitter » vous déconnecte, et vous reprendrez ici à votre prochaine "
        "connexion."
    ),
    note=N_(
        "3 étapes, 5 à 10 minutes : conditions, nouveau mot de passe, coordonnées. Vérifier que "
        "la personne a son téléphone portable ou l'accès à sa messagerie avant de commencer."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=_intro_lines,
    question=words.WHAT_NOW,
    actions=(
        spec.ActionSpec(
            "start", words.START, call=lambda backend, step, answers: backend.start_migration()
        ),
        QUIT_ACTION,
    ),
)


ACCEPT_TERMS = spec.StepSpec(
    name=StepName.ACCEPT_TERMS,
    title=N_("CONDITIONS GÉNÉRALES D'UTILISATION"),
    resume_name=N_("Conditions générales d'utilisation"),
    help=N_(
        "Faites défiler les conditions générales avec les flèches ↑ ↓, Page suivante / Page "
        "précédente, Début et Fin. Cochez ensuite la case en fin de page pour les accepter."
    ),
    line_help=N_(
        "Pour continuer à consulter et gérer votre compte, acceptez les conditions générales "
        "d'utilisation affichées ci-dessus : tapez 1. Pour les relire, faites défiler le texte "
        "de votre terminal ou de votre lecteur d'écran. Tapez 2 pour quitter ; vous reprendrez "
        "ici à votre prochaine connexion."
    ),
    note=N_(
        "La case « J'ai pris connaissance… » est en fin de page : faire défiler jusqu'en bas. "
        "« Continuer » reste inactif tant qu'elle n'est pas cochée."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=lambda step: (spec.Line(words.ALL_REQUIRED),),
    fields=(
        spec.FieldSpec(
            "accept",
            N_("J'ai pris connaissance des conditions générales d'utilisation et je les accepte"),
            spec.FieldKind.TICK,
            question=N_("Acceptez-vous les conditions générales d'utilisation ?"),
            options=(spec.Option("accept", N_("Oui, je les accepte")),),
        ),
    ),
    ready_hint=N_("Cochez la case ci-dessus pour pouvoir continuer."),
    actions=(
        continue_action(lambda backend, step, answers: backend.accept_terms(step.version)),
        QUIT_ACTION,
    ),
    specials=frozenset({spec.Special.TERMS_TEXT}),
)


CHOOSE_PASSWORD = spec.StepSpec(
    name=StepName.CHOOSE_PASSWORD,
    title=N_("CHOISIR SON MOT DE PASSE"),
    resume_name=N_("Choisir son mot de passe"),
    help=N_(
        "Choisissez un mot de passe personnel qui respecte toutes les règles affichées, puis "
        "saisissez-le une seconde fois pour le confirmer. La liste « Votre mot de passe "
        "comporte » se met à jour à chaque touche. « Afficher » montre ce que vous tapez."
    ),
    note=N_(
        "8 à 24 caractères, au moins 1 chiffre, 1 minuscule et 1 majuscule, sans accent, "
        "espace ni caractère spécial. Ne pas regarder la saisie (F2 masque l'écran) ; "
        "la liste se coche seule."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=lambda step: (
        spec.Line(FIRST_LOGIN_PASSWORD),
        spec.Line(words.RULES_INTRO, id="policy-intro"),
    ),
    fields=NEW_PASSWORD_FIELDS,
    actions=(
        validate_action(
            lambda backend, step, answers: backend.choose_password(
                answers["password"], answers["confirmation"]
            ),
        ),
        QUIT_ACTION,
    ),
    specials=frozenset({spec.Special.CHECKLIST}),
)

SPECS = (MIGRATION_INTRO, ACCEPT_TERMS, CHOOSE_PASSWORD)
