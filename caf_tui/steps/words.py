"""Words several steps share: the quit questions, the buttons every form has."""

from __future__ import annotations

from caf_tui.i18n import N_

#: « Quitter » in a journey: what is kept.
QUIT_JOURNEY = N_(
    "Voulez-vous vraiment quitter ? Ce que vous avez déjà validé est enregistré : "
    "à votre prochaine connexion, vous reprendrez à cette étape."
)
#: « Quitter » in « Mot de passe oublié ? »: nothing is kept.
QUIT_RECOVERY = N_(
    "Voulez-vous vraiment quitter ? Votre demande de nouveau mot de passe sera abandonnée."
)
ALL_REQUIRED = N_("Tous les champs sont obligatoires, sauf mention contraire.")
QUIT = N_("Quitter")
CONTINUE = N_("Continuer")
VALIDATE = N_("Valider")
WHAT_NOW = N_("Que voulez-vous faire ?")
CONTACT_TITLE = N_("VÉRIFICATION DE MES COORDONNÉES DE CONTACT")
RECOVERY_TITLE = N_("MOT DE PASSE OUBLIÉ")
NEW_PASSWORD = N_("Nouveau mot de passe")
CONFIRMATION = N_("Confirmation mot de passe")
CODE = N_("Code de vérification")
OUTBOX = N_("Messages reçus (démo)")
RESEND = N_("Demander")
