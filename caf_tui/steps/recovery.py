"""MOT DE PASSE OUBLIÉ, once the identifier is given: the code, then the new password."""

from __future__ import annotations

from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import helps, words
from caf_tui.steps.parts import CODE_FIELD, NEW_PASSWORD_FIELDS, OUTBOX_ACTION, QUIT_ACTION
from caf_tui.steps.spec import (
    ActionRole,
    ActionSpec,
    Line,
    Special,
    StepSpec,
)

RECOVERY_CODE = StepSpec(
    name=StepName.RECOVERY_CODE,
    title=words.RECOVERY_TITLE,
    resume_name=words.RECOVERY_RESUME_NAME,
    help=helps.CODE_NOT_RECEIVED,
    note=N_(
        "Mot de passe oublié : le code arrive par SMS ou e-mail aux coordonnées connues de la Caf. "
        "Coordonnées changées : la personne doit contacter sa Caf."
    ),
    has_session=False,
    quit_question=words.QUIT_RECOVERY,
    intro=lambda step: (
        Line(
            words.RECOVERY_CODE_SENT,
            id="sent-to",
        ),
    ),
    fields=(CODE_FIELD,),
    actions=(
        ActionSpec(
            "validate",
            words.VALIDATE,
            call=lambda backend, step, answers: backend.recovery_verify_code(answers["code"]),
        ),
        ActionSpec("resend", words.RESEND, ActionRole.ALWAYS),
        OUTBOX_ACTION,
        QUIT_ACTION,
    ),
    specials=frozenset({Special.COUNTDOWN, Special.DEMO_OUTBOX}),
)


RECOVERY_PASSWORD = StepSpec(
    name=StepName.RECOVERY_PASSWORD,
    title=words.RECOVERY_TITLE,
    resume_name=words.RECOVERY_RESUME_NAME,
    help=words.NEW_PASSWORD_HELP,
    note=N_(
        "Nouveau mot de passe : les règles habituelles (8 à 24 caractères, chiffre, "
        "minuscule, majuscule). F2 masque l'écran pendant la saisie."
    ),
    has_session=False,
    quit_question=words.QUIT_RECOVERY,
    intro=lambda step: (Line(words.I_CHOOSE_NEW_PASSWORD),),
    fields=NEW_PASSWORD_FIELDS,
    actions=(
        ActionSpec(
            "validate",
            words.VALIDATE,
            call=lambda backend, step, answers: backend.recovery_set_password(
                answers["password"], answers["confirmation"]
            ),
        ),
        ActionSpec(
            "legacy",
            words.RESEND_LEGACY_PASSWORD,
            ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.recovery_resend_legacy(),
        ),
        QUIT_ACTION,
    ),
    specials=frozenset({Special.CHECKLIST}),
)

SPECS = (RECOVERY_CODE, RECOVERY_PASSWORD)
