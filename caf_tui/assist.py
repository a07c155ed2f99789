"""Assisted mode (``--assist``): what staff beside the person need on each screen.

One note per step name: what the person needs at hand, the usual mistakes. And the stable,
readable names staff and the helpdesk use: « Étape 2/3 · verify_code · E-OTP-EXPIRED ».
No Textual here: the line mode or a report can use it too.
"""

from __future__ import annotations

from caf_tui.api import ErrorCode, Progress, StepName
from caf_tui.i18n import N_, _

NOTES: dict[str, str] = {
    StepName.LOGIN: N_(
        "À portée de main : la carte Vitale (numéro de Sécurité sociale, 13 chiffres) et le mot "
        "de passe actuel, souvent les 8 chiffres reçus par courrier. Erreurs fréquentes : le "
        "numéro allocataire saisi à la place du NIR ; sans NIR, cocher « identifiant provisoire »."
    ),
    StepName.MIGRATION_INTRO: N_(
        "3 étapes, 5 à 10 minutes : conditions, nouveau mot de passe, coordonnées. Vérifier que "
        "la personne a son téléphone portable ou l'accès à sa messagerie avant de commencer."
    ),
    StepName.ACCEPT_TERMS: N_(
        "La case « J'ai pris connaissance… » est en fin de page : faire défiler jusqu'en bas. "
        "« Continuer » reste inactif tant qu'elle n'est pas cochée."
    ),
    StepName.CHOOSE_PASSWORD: N_(
        "8 à 24 caractères, au moins 1 chiffre, 1 minuscule et 1 majuscule, sans accent, "
        "espace ni caractère spécial. Ne pas regarder la saisie (F2 masque l'écran) ; "
        "la liste se coche seule."
    ),
    StepName.CONFIRM_CONTACT: N_(
        "Vérifier le numéro de portable ou l'e-mail affiché avec la personne ; le corriger si "
        "besoin. Le code est valable 10 minutes par SMS, 15 minutes par e-mail."
    ),
    StepName.VERIFY_CODE: N_(
        "Le code (6 chiffres) arrive sur le téléphone ou la messagerie de la personne. Rien reçu : "
        "attendre, regarder les indésirables, puis « Demander » un nouveau code. 5 essais par code."
    ),
    StepName.ACCOUNT_CREATED: N_(
        "Le compte est créé. Rappeler l'identifiant à utiliser désormais : le numéro de Sécurité "
        "sociale (ou l'identifiant provisoire). Un e-mail de confirmation est envoyé."
    ),
    StepName.SPOUSE_AUTHORISATION: N_(
        "Seul le responsable du dossier voit cet écran. « Oui » donne au conjoint l'accès aux "
        "droits, paiements et démarches ; le choix se change ensuite dans « Gérer Mon Compte »."
    ),
    StepName.DASHBOARD: N_(
        "Espace Mon Compte atteint. En fin de visite, choisir « Terminer » (au guichet) ou "
        "« Se déconnecter » : l'écran est alors effacé pour la personne suivante."
    ),
    StepName.RECOVERY_CODE: N_(
        "Mot de passe oublié : le code arrive par SMS ou e-mail aux coordonnées connues de la Caf. "
        "Coordonnées changées : la personne doit contacter sa Caf."
    ),
    StepName.RECOVERY_PASSWORD: N_(
        "Nouveau mot de passe : les règles habituelles (8 à 24 caractères, chiffre, "
        "minuscule, majuscule). F2 masque l'écran pendant la saisie."
    ),
}

FALLBACK_NOTE = N_(
    "Pas de note pour cet écran. Relever le nom de l'étape et le code d'erreur affichés "
    "ci-dessus pour l'assistance."
)


def note_for(step: str) -> str:
    """The staff note of ``step``, translated."""
    return _(NOTES.get(step, FALLBACK_NOTE))


def error_label(code: ErrorCode | str) -> str:
    """``otp_expired`` -> ``E-OTP-EXPIRED``: the name staff read out to the helpdesk."""
    return "E-" + str(code).upper().replace("_", "-")


def where_label(step: str, progress: Progress | None, error: ErrorCode | str | None) -> str:
    """« Étape 2/3 · verify_code · E-OTP-EXPIRED » (parts absent when unknown)."""
    parts = []
    if progress is not None:
        parts.append(
            _("Étape {current}/{total}").format(current=progress.current, total=progress.total)
        )
    parts.append(step)
    if error:
        parts.append(error_label(error))
    return " · ".join(parts)
