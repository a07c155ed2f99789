"""The ``?`` help of the questions the line mode asks beyond the login's fields.

The login's fields and the code use ``caf_tui.help_texts`` as the screens do; these are the
screens' F1 texts, worded for answers typed by number instead of buttons: msgids, translated
where they are said.
"""

from __future__ import annotations

from caf_tui.i18n import N_, _
from caf_tui.steps import helps, words

KEYS = N_(
    "À chaque question, tapez votre réponse puis Entrée. Tapez ? pour l'aide de la question, "
    "q pour quitter. Dans une liste de choix, tapez le numéro du choix."
)


PHONE = N_(
    "Votre numéro de téléphone portable, de France métropolitaine ou d'outre-mer, par "
    "exemple 06 12 34 56 78. Appuyez sur Entrée sans rien taper pour garder le numéro "
    "enregistré."
)

EMAIL = N_(
    "Votre adresse e-mail, par exemple prenom.nom@exemple.fr. Appuyez sur Entrée sans rien "
    "taper pour garder l'adresse enregistrée."
)

MANAGE = N_(
    "Ici vous consultez votre profil, gérez les droits de votre conjoint(e) si vous êtes "
    "responsable du dossier, changez votre mot de passe, voyez vos dernières connexions et "
    "pouvez vous déconnecter de tous vos appareils. Tapez le numéro d'un choix ; « Retour » "
    "vous ramène à Mon Compte."
)

CHANGE_CONTACT = N_(
    "Tapez 1 pour saisir à nouveau votre téléphone portable ou votre adresse e-mail : "
    "modifiez une seule coordonnée à la fois. Tapez 2 pour revenir sans rien modifier."
)

BACK = N_("Tapez 1 pour revenir au menu précédent.")


UNAVAILABLE = N_(
    "Cette étape se fait pour l'instant sur caf.fr ou avec l'application Caf - Mon Compte. "
    "Tapez 1 pour vous déconnecter."
)

LEGACY_RESEND = N_(
    "Tapez 1 pour choisir un nouveau mot de passe. Si vous utilisez encore votre mot de "
    "passe à 8 chiffres, tapez 2 : il vous est renvoyé par SMS ou par e-mail, et vous "
    "choisirez votre nouveau mot de passe à votre prochaine connexion."
)

KIOSK = N_(
    "Ce terminal est partagé. Quand vous avez terminé, tapez q ou choisissez « Se "
    "déconnecter » : vos informations sont alors effacées de l'écran. Sans réponse de votre "
    "part pendant quelques minutes, elles sont effacées aussi, après un avertissement. "
    "Appuyez sur Entrée pour commencer."
)


def new_password_help(rules_text: str) -> str:
    return _(helps.NEW_PASSWORD) + " " + _(words.RULES_SENTENCE).format(rules=rules_text)


def retry_help() -> str:
    return _(
        "Le service n'a pas répondu. Ce que vous avez saisi est gardé : tapez 1 pour envoyer à "
        "nouveau, 2 pour quitter."
    )
