"""MOT DE PASSE OUBLIÉ, once the identifier is given: the code, then the new password."""

from __future__ import annotations

from caf_tui import rules
from caf_tui.api import JourneyResponse, StepName
from caf_tui.api.account_steps import RecoveryCodeStep, RecoveryPasswordStep
from caf_tui.backend.base import Backend
from caf_tui.i18n import N_
from caf_tui.steps import helps, words
from caf_tui.steps.spec import (
    ActionRole,
    ActionSpec,
    Answers,
    FieldKind,
    FieldSpec,
    Line,
    Special,
    StepSpec,
)


async def _verify(backend: Backend, step: RecoveryCodeStep, answers: Answers) -> JourneyResponse:
    return await backend.recovery_verify_code(answers["code"])


RECOVERY_CODE = StepSpec(
    name=StepName.RECOVERY_CODE,
    title=words.RECOVERY_TITLE,
    resume_name=N_("Mot de passe oublié"),
    help=helps.CODE_NOT_RECEIVED,
    note=N_(
        "Mot de passe oublié : le code arrive par SMS ou e-mail aux coordonnées connues de la Caf. "
        "Coordonnées changées : la personne doit contacter sa Caf."
    ),
    has_session=False,
    quit_question=words.QUIT_RECOVERY,
    intro=lambda step: (
        Line(
            N_(
                "Si un compte correspond à l'identifiant saisi, un code de vérification "
                "vient d'être envoyé par SMS ou par e-mail à vos coordonnées de contact "
                "enregistrées. Merci de le saisir."
            ),
            id="sent-to",
        ),
    ),
    fields=(
        FieldSpec(
            "code",
            words.CODE,
            FieldKind.CODE,
            help=helps.CODE_NOT_RECEIVED,
            rule=rules.normalise_code,
        ),
    ),
    actions=(
        ActionSpec("validate", words.VALIDATE, call=_verify),
        ActionSpec("resend", words.RESEND, ActionRole.ALWAYS),
        ActionSpec("outbox", words.OUTBOX, ActionRole.LOCAL),
        ActionSpec("quit", words.QUIT, ActionRole.QUIT),
    ),
    specials=frozenset({Special.COUNTDOWN, Special.DEMO_OUTBOX}),
)


async def _set_password(
    backend: Backend, step: RecoveryPasswordStep, answers: Answers
) -> JourneyResponse:
    return await backend.recovery_set_password(answers["password"], answers["confirmation"])


async def _resend_legacy(
    backend: Backend, step: RecoveryPasswordStep, answers: Answers
) -> JourneyResponse:
    return await backend.recovery_resend_legacy()


RECOVERY_PASSWORD = StepSpec(
    name=StepName.RECOVERY_PASSWORD,
    title=words.RECOVERY_TITLE,
    resume_name=N_("Mot de passe oublié"),
    help=N_(
        "Choisissez un mot de passe personnel qui respecte toutes les règles, puis "
        "saisissez-le une seconde fois pour le confirmer. Rien ne s'affiche pendant la "
        "saisie."
    ),
    note=N_(
        "Nouveau mot de passe : les règles habituelles (8 à 24 caractères, chiffre, "
        "minuscule, majuscule). F2 masque l'écran pendant la saisie."
    ),
    has_session=False,
    quit_question=words.QUIT_RECOVERY,
    intro=lambda step: (Line(N_("Je choisis mon nouveau mot de passe.")),),
    fields=(
        FieldSpec("password", words.NEW_PASSWORD, FieldKind.SECRET, rule=rules.check_password),
        FieldSpec("confirmation", words.CONFIRMATION, FieldKind.SECRET, rule=rules.check_password),
    ),
    actions=(
        ActionSpec("validate", words.VALIDATE, call=_set_password),
        ActionSpec(
            "legacy",
            N_("Renvoyer mon mot de passe à 8 chiffres"),
            ActionRole.ALWAYS,
            call=_resend_legacy,
        ),
        ActionSpec("quit", words.QUIT, ActionRole.QUIT),
    ),
    specials=frozenset({Special.CHECKLIST}),
)

SPECS = (RECOVERY_CODE, RECOVERY_PASSWORD)
