"""CONNEXION: the identifier and the password, and the other ways in."""

from __future__ import annotations

from caf_tui import rules
from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import helps
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
            N_("Numéro de Sécurité sociale"),
            help=helps.NIR,
            rule=rules.normalise_identifier,
        ),
        FieldSpec(
            "temporary",
            N_("J'ai un identifiant provisoire"),
            FieldKind.TICK,
            help=helps.TEMPORARY_ID,
            options=(Option("temporary", N_("Identifiant provisoire")),),
        ),
        FieldSpec("password", N_("Mot de passe"), FieldKind.SECRET, help=helps.PASSWORD),
    ),
    actions=(
        ActionSpec("login", N_("Se connecter")),
        ActionSpec("forgot", N_("Mot de passe oublié ?"), ActionRole.LOCAL),
        ActionSpec("create-account", N_("Créer Mon Compte"), ActionRole.LOCAL),
        ActionSpec("franceconnect", N_("S'identifier avec FranceConnect"), ActionRole.LOCAL),
    ),
    specials=frozenset({Special.DOORS, Special.QR_CODE}),
)

SPECS = (LOGIN,)
