"""MOT DE PASSE OUBLIÉ, once the identifier is given: the code, then the new password."""

from __future__ import annotations

from functools import partial

from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import helps, spec, words
from caf_tui.steps.parts import (
    CODE_FIELD,
    NEW_PASSWORD_FIELDS,
    OUTBOX_ACTION,
    QUIT_ACTION,
    validate_action,
)

#: The code step's first line (its special screen and line-mode handler say it too).
CODE_SENT = N_(
    "Si un compte correspond à l'identifiant saisi, un code de vérification vient d'être "
    "envoyé par SMS ou par e-mail à vos coordonnées de contact enregistrées. Merci de le "
    "saisir."
)
#: The password step's first line (its special screen and line-mode handler say it too).
CHOOSE_NEW_PASSWORD = N_("Je choisis mon nouveau mot de passe.")

#: Both steps are one page, taken before any session: quitting abandons the request.
_RECOVERY_PAGE = partial(
    spec.StepSpec,
    title=words.RECOVERY_TITLE,
    resume_name=N_("Mot de passe oublié"),
    has_session=False,
    quit_question=N_(
        "Voulez-vous vraiment quitter ? Votre demande de nouveau mot de passe sera abandonnée."
    ),
)

RECOVERY_CODE = _RECOVERY_PAGE(
    name=StepName.RECOVERY_CODE,
    help=helps.CODE_NOT_RECEIVED,
    note=N_(
        "Mot de passe oublié : le code arrive par SMS ou e-mail aux coordonnées connues de la Caf. "
        "Coordonnées changées : la personne doit contacter sa Caf."
    ),
    intro=lambda step: (spec.Line(CODE_SENT, id="sent-to"),),
    fields=(CODE_FIELD,),
    actions=(
        validate_action(
            lambda backend, step, answers: backend.recovery_verify_code(answers["code"])
        ),
        spec.ActionSpec("resend", words.RESEND, spec.ActionRole.ALWAYS),
        OUTBOX_ACTION,
        QUIT_ACTION,
    ),
    specials=frozenset({spec.Special.COUNTDOWN, spec.Special.DEMO_OUTBOX}),
)


RECOVERY_PASSWORD = _RECOVERY_PAGE(
    name=StepName.RECOVERY_PASSWORD,
    help=helps.NEW_PASSWORD,
    note=N_(
        "Nouveau mot de passe : les règles habituelles (8 à 24 caractères, chiffre, "
        "minuscule, majuscule). F2 masque l'écran pendant la saisie."
    ),
    intro=lambda step: (spec.Line(CHOOSE_NEW_PASSWORD),),
    fields=NEW_PASSWORD_FIELDS,
    actions=(
        validate_action(
            lambda backend, step, answers: backend.recovery_set_password(
                answers["password"], answers["confirmation"]
            ),
        ),
        spec.ActionSpec(
            "legacy",
            N_("Renvoyer mon mot de passe à 8 chiffres"),
            spec.ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.recovery_resend_legacy(),
        ),
        QUIT_ACTION,
    ),
    specials=frozenset({spec.Special.CHECKLIST}),
)

SPECS = (RECOVERY_CODE, RECOVERY_PASSWORD)
