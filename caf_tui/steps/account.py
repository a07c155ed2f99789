"""After the migration: the account created, the spouse's authorisation, the dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from caf_tui.api import SpouseDecision, SpouseRight, StepName
from caf_tui.i18n import N_
from caf_tui.steps import spec, words
from caf_tui.steps.parts import continue_action

if TYPE_CHECKING:
    from caf_tui.api import SpouseAuthorisationStep

_CREATED = N_("Votre espace Mon Compte est créé")

ACCOUNT_CREATED = spec.StepSpec(
    name=StepName.ACCOUNT_CREATED,
    title=_CREATED,
    resume_name=_CREATED,
    help=N_(
        "Votre nouvelle connexion est prête. Désormais, connectez-vous avec l'identifiant "
        "indiqué et le mot de passe que vous venez de choisir. Choisissez « Continuer »."
    ),
    line_help=N_(
        "Votre nouvelle connexion est prête. Désormais, connectez-vous avec l'identifiant "
        "indiqué et le mot de passe que vous venez de choisir. Tapez 1 pour continuer."
    ),
    note=N_(
        "Le compte est créé. Rappeler l'identifiant à utiliser désormais : le numéro de Sécurité "
        "sociale (ou l'identifiant provisoire). Un e-mail de confirmation est envoyé."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=lambda step: (
        spec.Line(N_("Vous venez de créer votre Espace Mon Compte."), id="created"),
    ),
    after=lambda step: (
        spec.Line(
            N_(
                "Un e-mail de confirmation vous a été envoyé (« Accusé de réception de votre "
                "démarche en ligne »)."
            ),
            id="mail-sent",
        ),
        spec.Line(
            N_("A bientôt sur caf.fr ou sur l'application mobile Caf - Mon Compte."), id="see-you"
        ),
        spec.Line(
            N_(
                "Votre Caf vous recommande de ne pas cliquer sur les liens contenus dans les "
                "courriels. Ils peuvent diriger vers des sites frauduleux. Il est préférable "
                "de saisir directement l'adresse du site dans votre navigateur."
            ),
            classes="hint",
        ),
    ),
    question=N_("Pour continuer :"),
    actions=(
        continue_action(lambda backend, step, answers: backend.acknowledge_account_created()),
    ),
    specials=frozenset({spec.Special.ACCESS}),
)

RIGHTS = {
    SpouseRight.CONSULT_RIGHTS_PAYMENTS: N_("consulter les droits et paiements"),
    SpouseRight.DECLARE_CHANGES: N_("déclarer des changements"),
    SpouseRight.REQUEST_BENEFIT: N_("demander une prestation"),
}


def _spouse_lines(step: SpouseAuthorisationStep) -> Sequence[spec.Line]:
    return (
        spec.Line(N_("GÉRER MES AUTORISATIONS"), classes="section-title"),
        spec.Line(N_("Vous êtes le responsable de votre dossier Caf."), kind=spec.LineKind.BULLET),
        spec.Line(
            N_("Aujourd'hui, vous êtes seul à pouvoir consulter les données du dossier."),
            kind=spec.LineKind.BULLET,
        ),
        spec.Line(
            N_("Vous pouvez dès à présent autoriser votre conjoint(e) à :"),
            kind=spec.LineKind.BULLET,
        ),
        *(
            spec.Line(RIGHTS[right], kind=spec.LineKind.SUB_BULLET, classes="right")
            for right in step.rights
        ),
    )


SPOUSE_AUTHORISATION = spec.StepSpec(
    name=StepName.SPOUSE_AUTHORISATION,
    title=words.AUTHORISATIONS_TITLE,
    resume_name=N_("Mes autorisations"),
    help=N_(
        "Si vous l'autorisez, votre conjoint(e) pourra consulter les droits et paiements, "
        "déclarer des changements et demander une prestation. Choisissez Oui ou Non puis "
        "« Continuer », ou « Passer » pour décider plus tard. Vous pourrez changer d'avis dans "
        "le menu « Gérer Mon Compte »."
    ),
    line_help=N_(
        "Si vous l'autorisez, votre conjoint(e) pourra consulter les droits et paiements, "
        "déclarer des changements et demander une prestation. Tapez 1 pour Oui, 2 pour Non, "
        "ou 3 pour passer et décider plus tard. Vous pourrez changer d'avis dans le menu "
        "« Gérer Mon Compte »."
    ),
    note=N_(
        "Seul le responsable du dossier voit cet écran. « Oui » donne au conjoint l'accès aux "
        "droits, paiements et démarches ; le choix se change ensuite dans « Gérer Mon Compte »."
    ),
    quit_question=words.QUIT_JOURNEY,
    values=lambda step: {"spouse": step.spouse_name},
    intro=_spouse_lines,
    fields=(
        spec.FieldSpec(
            "decision",
            N_(
                "J'autorise {spouse} à consulter les données du dossier et à réaliser les "
                "démarches."
            ),
            spec.FieldKind.CHOICE,
            question=N_(
                "Autorisez-vous {spouse} à consulter les données du dossier et à réaliser les "
                "démarches ?"
            ),
            options=(
                spec.Option("authorise", words.YES, done=N_("Vous avez autorisé {spouse}.")),
                spec.Option("refuse", words.NO, done=N_("Vous n'avez pas autorisé {spouse}.")),
            ),
        ),
    ),
    ready_hint=N_("Choisissez Oui ou Non pour continuer, ou « Passer » pour décider plus tard."),
    after=lambda step: (
        spec.Line(
            N_(
                "A tout moment, vous pourrez revenir sur votre choix dans le menu "
                '"Gérer Mon Compte".'
            ),
            id="later",
        ),
    ),
    actions=(
        continue_action(
            lambda backend, step, answers: backend.decide_spouse_authorisation(
                SpouseDecision(answers["decision"])
            ),
        ),
        spec.ActionSpec(
            "skip",
            N_("Passer"),
            spec.ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.decide_spouse_authorisation(
                SpouseDecision.SKIP
            ),
            done=N_("Vous déciderez plus tard."),
        ),
    ),
)

DASHBOARD = spec.StepSpec(
    name=StepName.DASHBOARD,
    title=N_("MON COMPTE"),
    resume_name=N_("Mon Compte"),
    help=N_(
        "Voici votre espace Mon Compte : vos informations, vos rubriques et vos derniers "
        "paiements. Choisissez une rubrique pour la consulter."
    ),
    line_help=N_(
        "Voici votre espace Mon Compte. Tapez 1 pour vous déconnecter, ou le numéro d'une "
        "rubrique pour la consulter : ses informations sont lues, puis vous revenez ici. Les "
        "rubriques que votre situation ne permet pas ne sont pas proposées."
    ),
    note=N_(
        "Espace Mon Compte atteint. En fin de visite, choisir « Terminer » (au guichet) ou "
        "« Se déconnecter » : l'écran est alors effacé pour la personne suivante."
    ),
    quit_question=words.QUIT_DASHBOARD,
    actions=(
        spec.ActionSpec("logout", words.LOG_OUT, spec.ActionRole.LOCAL),
        spec.ActionSpec("finish", N_("Terminer"), spec.ActionRole.LOCAL),
    ),
    specials=frozenset({spec.Special.SECTIONS}),
)

SPECS = (ACCOUNT_CREATED, SPOUSE_AUTHORISATION, DASHBOARD)
