"""CONNEXION: the identifier and the password, and the other ways in."""

from __future__ import annotations

from caf_tui import rules
from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import helps, words
from caf_tui.steps.spec import (
    ActionRole,
    ActionSpec,
    FieldKind,
    FieldSpec,
    Option,
    Special,
    StepSpec,
)

LOGIN = StepSpec(
    name=StepName.LOGIN,
    title=N_("CONNEXION"),
    resume_name=N_("Connexion"),
    help=helps.BEFORE_LOGIN,
    note=N_(
        "À portée de main : la carte Vitale (numéro de Sécurité sociale, 13 chiffres) et le mot "
        "de passe actuel, souvent les 8 chiffres reçus par courrier. Erreurs fréquentes : le "
        "numéro allocataire saisi à la place du NIR ; sans NIR, cocher « identifiant provisoire »."
    ),
    has_session=False,
    fields=(
        FieldSpec(
            "identifier",
            words.NIR_LABEL,
            help=helps.NIR,
            rule=rules.normalise_identifier,
        ),
        FieldSpec(
            "temporary",
            words.HAVE_TEMPORARY_ID,
            FieldKind.TICK,
            help=helps.TEMPORARY_ID,
            options=(Option("temporary", words.TEMPORARY_ID_LABEL),),
        ),
        FieldSpec("password", words.PASSWORD, FieldKind.SECRET, help=helps.PASSWORD),
    ),
    actions=(
        ActionSpec("login", words.LOG_IN),
        ActionSpec("forgot", words.FORGOT_PASSWORD, ActionRole.LOCAL),
        ActionSpec("create-account", words.CREATE_ACCOUNT, ActionRole.LOCAL),
        ActionSpec("franceconnect", words.FRANCECONNECT_SIGN_IN, ActionRole.LOCAL),
    ),
    specials=frozenset({Special.DOORS, Special.QR_CODE}),
)

SPECS = (LOGIN,)
