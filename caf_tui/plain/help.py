"""The ``?`` help of the questions the line mode asks beyond the login's fields.

The login's fields and the code use ``caf_tui.help_texts`` as the screens do; these are the
screens' F1 texts, worded for answers typed by number instead of buttons.
"""

from __future__ import annotations

from caf_tui.i18n import _


def keys_help() -> str:
    return _(
        "À chaque question, tapez votre réponse puis Entrée. Tapez ? pour l'aide de la question, "
        "q pour quitter. Dans une liste de choix, tapez le numéro du choix."
    )


def intro_help() -> str:
    return _(
        "La connexion à votre espace Mon Compte change : vous vous connecterez désormais avec "
        "votre numéro de Sécurité sociale et un mot de passe que vous choisissez. Choisissez "
        "« Commencer » ; « Quitter » vous déconnecte, et vous reprendrez ici à votre prochaine "
        "connexion."
    )


def terms_help() -> str:
    return _(
        "Pour continuer à consulter et gérer votre compte, acceptez les conditions générales "
        "d'utilisation affichées ci-dessus : tapez 1. Pour les relire, faites défiler le texte "
        "de votre terminal ou de votre lecteur d'écran. Tapez 2 pour quitter ; vous reprendrez "
        "ici à votre prochaine connexion."
    )


def new_password_help(rules_text: str) -> str:
    return (
        _(
            "Choisissez un mot de passe personnel qui respecte toutes les règles, puis "
            "saisissez-le une seconde fois pour le confirmer. Rien ne s'affiche pendant la "
            "saisie."
        )
        + " "
        + _("Règles : {rules}.").format(rules=rules_text)
    )


def contact_help() -> str:
    return _(
        "Vérifiez votre numéro de téléphone portable et votre adresse e-mail ; corrigez-les avec "
        "« Modifier mes coordonnées de contact ». Choisissez ensuite comment recevoir le code de "
        "vérification : par SMS il est valable 10 minutes, par e-mail 15 minutes."
    )


def phone_help() -> str:
    return _(
        "Votre numéro de téléphone portable, de France métropolitaine ou d'outre-mer, par "
        "exemple 06 12 34 56 78. Appuyez sur Entrée sans rien taper pour garder le numéro "
        "enregistré."
    )


def email_help() -> str:
    return _(
        "Votre adresse e-mail, par exemple prenom.nom@exemple.fr. Appuyez sur Entrée sans rien "
        "taper pour garder l'adresse enregistrée."
    )


def account_created_help() -> str:
    return _(
        "Votre nouvelle connexion est prête. Désormais, connectez-vous avec l'identifiant "
        "indiqué et le mot de passe que vous venez de choisir. Tapez 1 pour continuer."
    )


def spouse_help() -> str:
    return _(
        "Si vous l'autorisez, votre conjoint(e) pourra consulter les droits et paiements, "
        "déclarer des changements et demander une prestation. Tapez 1 pour Oui, 2 pour Non, "
        "ou 3 pour passer et décider plus tard. Vous pourrez changer d'avis dans le menu "
        "« Gérer Mon Compte »."
    )


def dashboard_help() -> str:
    return _(
        "Voici votre espace Mon Compte. Tapez 1 pour vous déconnecter, ou le numéro d'une "
        "rubrique pour la consulter : ses informations sont lues, puis vous revenez ici. Les "
        "rubriques que votre situation ne permet pas ne sont pas proposées."
    )


def manage_help() -> str:
    return _(
        "Ici vous consultez votre profil, gérez les droits de votre conjoint(e) si vous êtes "
        "responsable du dossier, changez votre mot de passe, voyez vos dernières connexions et "
        "pouvez vous déconnecter de tous vos appareils. Tapez le numéro d'un choix ; « Retour » "
        "vous ramène à Mon Compte."
    )


def change_contact_help() -> str:
    return _(
        "Tapez 1 pour saisir à nouveau votre téléphone portable ou votre adresse e-mail : "
        "modifiez une seule coordonnée à la fois. Tapez 2 pour revenir sans rien modifier."
    )


def back_help() -> str:
    return _("Tapez 1 pour revenir au menu précédent.")


def retry_help() -> str:
    return _(
        "Le service n'a pas répondu. Ce que vous avez saisi est gardé : tapez 1 pour envoyer à "
        "nouveau, 2 pour quitter."
    )


def unavailable_help() -> str:
    return _(
        "Cette étape se fait pour l'instant sur caf.fr ou avec l'application Caf - Mon Compte. "
        "Tapez 1 pour vous déconnecter."
    )


def legacy_resend_help() -> str:
    return _(
        "Tapez 1 pour choisir un nouveau mot de passe. Si vous utilisez encore votre mot de "
        "passe à 8 chiffres, tapez 2 : il vous est renvoyé par SMS ou par e-mail, et vous "
        "choisirez votre nouveau mot de passe à votre prochaine connexion."
    )


def kiosk_help() -> str:
    return _(
        "Ce terminal est partagé. Quand vous avez terminé, tapez q ou choisissez « Se "
        "déconnecter » : vos informations sont alors effacées de l'écran. Sans réponse de votre "
        "part pendant quelques minutes, elles sont effacées aussi, après un avertissement. "
        "Appuyez sur Entrée pour commencer."
    )
