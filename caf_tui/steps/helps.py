"""The (?) help of the fields several steps and doors share, from the portal's tutorial."""

from __future__ import annotations

from caf_tui.i18n import N_

NIR = N_(
    "Votre numéro de Sécurité sociale figure sur votre carte Vitale (carte d'assurance "
    "maladie) et sur votre attestation de droits. Il compte 13 chiffres, suivis d'une clé de "
    "2 chiffres. Saisissez les 13 chiffres, ou les 15 avec la clé ; les espaces et les points "
    "sont acceptés. Votre numéro allocataire n'est plus utile pour vous connecter."
)

TEMPORARY_ID = N_(
    "Si vous n'avez pas de numéro de Sécurité sociale, un identifiant provisoire vous a été "
    "attribué à la création de votre compte : la lettre T suivie de 8 chiffres "
    "(ex. : T00000042). Vous n'en avez pas ? Choisissez « Créer Mon Compte »."
)

PASSWORD = N_(
    "Saisissez votre mot de passe actuel. Si votre connexion n'a pas encore changé, c'est "
    "votre mot de passe à 8 chiffres ; vous choisirez ensuite un nouveau mot de passe. "
    "Vous l'avez oublié ? Choisissez « Mot de passe oublié ? »."
)

BEFORE_LOGIN = N_(
    "Vous avez déjà un mot de passe caf.fr ? Vous pouvez vous connecter directement à votre "
    "compte. Vous l'avez oublié ? Choisissez « Mot de passe oublié ? ». Vous n'avez pas de "
    "mot de passe caf.fr ? Choisissez « Créer Mon Compte »."
)

FRANCECONNECT = N_(
    "FranceConnect est la solution proposée par l'État pour sécuriser et simplifier la "
    "connexion à vos services en ligne. Vous vous connectez avec un compte que vous avez déjà "
    "(impots.gouv.fr, ameli.fr, L'Identité Numérique La Poste, MSA, France Identité). "
    "FranceConnect est un service sécurisé qui ne stocke pas les données personnelles des "
    "usagers."
)

CODE_NOT_RECEIVED = N_(
    "Vous n'avez rien reçu ? Attendez quelques secondes. Vérifiez vos messages indésirables. "
    "Demandez l'envoi d'un nouveau code. Vérifiez vos coordonnées de contact et modifiez-les "
    "si nécessaire. Par SMS, le code est valable 10 minutes ; par e-mail, 15 minutes."
)

FORGOT_PASSWORD = N_(
    "Saisissez l'identifiant avec lequel vous vous connectez. Si un compte lui "
    "correspond, un code de vérification est envoyé au téléphone portable ou à l'adresse "
    "e-mail enregistrés, puis vous choisissez un nouveau mot de passe."
)

NEW_PASSWORD = N_(
    "Choisissez un mot de passe personnel qui respecte toutes les règles, puis "
    "saisissez-le une seconde fois pour le confirmer. Rien ne s'affiche pendant la "
    "saisie."
)

CREATE_ACCOUNT = N_(
    "Tous les membres du foyer, de plus de 15 ans, peuvent créer leur compte. Le numéro "
    "allocataire figure sur les courriers de la Caf. Si vous n'avez pas de numéro de "
    "Sécurité sociale, un identifiant provisoire vous sera attribué pour les prochaines "
    "connexions."
)
