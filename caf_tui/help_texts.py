"""The (?) help of each field, from the portal's tutorial; shared by the screens and plain mode."""

from __future__ import annotations

from caf_tui.i18n import _


def nir_help() -> str:
    return _(
        "Votre numéro de Sécurité sociale figure sur votre carte Vitale (carte d'assurance "
        "maladie) et sur votre attestation de droits. Il compte 13 chiffres, suivis d'une clé de "
        "2 chiffres. Saisissez les 13 chiffres, ou les 15 avec la clé ; les espaces et les points "
        "sont acceptés. Votre numéro allocataire n'est plus utile pour vous connecter."
    )


def temporary_id_help() -> str:
    return _(
        "Si vous n'avez pas de numéro de Sécurité sociale, un identifiant provisoire vous a été "
        "attribué à la création de votre compte : la lettre T suivie de 8 chiffres "
        "(ex. : T00000042). Vous n'en avez pas ? Choisissez « Créer Mon Compte »."
    )


def password_help() -> str:
    return _(
        "Saisissez votre mot de passe actuel. Si votre connexion n'a pas encore changé, c'est "
        "votre mot de passe à 8 chiffres ; vous choisirez ensuite un nouveau mot de passe. "
        "Vous l'avez oublié ? Choisissez « Mot de passe oublié ? »."
    )


def before_login_help() -> str:
    return _(
        "Vous avez déjà un mot de passe caf.fr ? Vous pouvez vous connecter directement à votre "
        "compte. Vous l'avez oublié ? Choisissez « Mot de passe oublié ? ». Vous n'avez pas de "
        "mot de passe caf.fr ? Choisissez « Créer Mon Compte »."
    )


def franceconnect_help() -> str:
    return _(
        "FranceConnect est la solution proposée par l'État pour sécuriser et simplifier la "
        "connexion à vos services en ligne. Vous vous connectez avec un compte que vous avez déjà "
        "(impots.gouv.fr, ameli.fr, L'Identité Numérique La Poste, MSA, France Identité). "
        "FranceConnect est un service sécurisé qui ne stocke pas les données personnelles des "
        "usagers."
    )


def code_not_received_help() -> str:
    return _(
        "Vous n'avez rien reçu ? Attendez quelques secondes. Vérifiez vos messages indésirables. "
        "Demandez l'envoi d'un nouveau code. Vérifiez vos coordonnées de contact et modifiez-les "
        "si nécessaire. Par SMS, le code est valable 10 minutes ; par e-mail, 15 minutes."
    )


def forgot_password_help() -> str:
    return _(
        "Saisissez l'identifiant avec lequel vous vous connectez. Si un compte lui correspond, "
        "un code de vérification est envoyé au téléphone portable ou à l'adresse e-mail "
        "enregistrés, puis vous choisissez un nouveau mot de passe."
    )


def create_account_help() -> str:
    return _(
        "Tous les membres du foyer, de plus de 15 ans, peuvent créer leur compte. Le numéro "
        "allocataire figure sur les courriers de la Caf. Si vous n'avez pas de numéro de "
        "Sécurité sociale, un identifiant provisoire vous sera attribué pour les prochaines "
        "connexions."
    )
