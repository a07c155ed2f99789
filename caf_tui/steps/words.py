"""Words several steps share: the quit questions, the buttons every form has."""

from __future__ import annotations

from caf_tui.i18n import N_

#: « Quitter » in a journey: what is kept.
QUIT_JOURNEY = N_(
    "Voulez-vous vraiment quitter ? Ce que vous avez déjà validé est enregistré : "
    "à votre prochaine connexion, vous reprendrez à cette étape."
)
#: « Quitter » on the dashboard: there is no step to resume, only a session to end.
QUIT_DASHBOARD = N_(
    "Voulez-vous vous déconnecter de Mon Compte ? Vous pourrez vous reconnecter à tout moment."
)
ALL_REQUIRED = N_("Tous les champs sont obligatoires, sauf mention contraire.")
QUIT = N_("Quitter")
CONTINUE = N_("Continuer")
VALIDATE = N_("Valider")
WHAT_NOW = N_("Que voulez-vous faire ?")
RECOVERY_TITLE = N_("MOT DE PASSE OUBLIÉ")
NEW_PASSWORD = N_("Nouveau mot de passe")
CONFIRMATION = N_("Confirmation mot de passe")
CODE = N_("Code de vérification")
OUTBOX = N_("Messages reçus (démo)")
RESEND = N_("Demander")

# Words the screens and the line mode both say, written once.
STEP_OF_TOTAL = N_("Étape {current}/{total}")
FORGOT_PASSWORD = N_("Mot de passe oublié ?")
CREATE_ACCOUNT = N_("Créer Mon Compte")
FRANCECONNECT_SIGN_IN = N_("S'identifier avec FranceConnect")
NIR_LABEL = N_("Numéro de Sécurité sociale")
CANCEL = N_("Annuler")
STAFF_EXIT_TITLE = N_("SORTIE RÉSERVÉE AU PERSONNEL")
NO_STAFF_PIN = N_(
    "Aucun code du personnel n'est configuré sur ce terminal : l'application ne peut pas "
    "être fermée ici."
)
PIN_TOO_MANY_TRIES = N_("Trop d'essais : réessayez dans {s} s.")
PIN_WRONG = N_("Code incorrect : l'application reste ouverte.")
START = N_("Commencer")
WELCOME_TITLE = N_("ACCUEIL")
SHARED_TERMINAL = N_(
    "Ce terminal est partagé : à la fin de votre visite, ou sans action de votre part "
    "pendant quelques minutes, vos informations sont effacées."
)
RETRY = N_("Réessayer")
RESTART = N_("Recommencer")
RULES_SENTENCE = N_("Règles : {rules}.")
NOTHING_SHOWN_WHILE_TYPING = N_("(rien ne s'affiche pendant la saisie)")
STAY = N_("Rester")
FRANCECONNECT_SIGN_IN_TITLE = N_("S'IDENTIFIER AVEC FRANCECONNECT")
LOGGED_IN = N_("Connexion réussie.")
FRANCECONNECT_TITLE = N_("FRANCECONNECT")
FRANCECONNECT_CHOOSE_ACCOUNT = N_("Je choisis un compte pour me connecter sur {service}")
EVERY_FIELD_REQUIRED = N_("Tous les champs sont obligatoires.")
FRANCECONNECT_CONSENT = N_(
    "Vous êtes connecté avec {provider}. Les données suivantes vont être transmises à {service} :"
)
NIR_OR_TEMPORARY_ID = N_("Numéro de Sécurité sociale ou identifiant provisoire")
FORGOT_PASSWORD_INTRO = N_(
    "Indiquez votre identifiant : si un compte lui correspond, nous envoyons un code de "
    "vérification à vos coordonnées de contact enregistrées."
)
FRANCECONNECT_PITCH = N_(
    "FranceConnect est la solution proposée par l'État pour sécuriser et simplifier la "
    "connexion à vos services en ligne."
)
BACK_TO_LOGIN = N_("Retour à la connexion")
FRANCECONNECT_WHERE = N_("Où voulez-vous vous connecter ?")
ONE_CONTACT_AT_A_TIME = N_("Modifiez une seule coordonnée à la fois.")
TYPE_NEW_CONTACT = N_("Saisissez la nouvelle coordonnée à enregistrer.")
BACK = N_("Retour")
YES = N_("Oui")
NO = N_("Non")
EDIT_CONTACT_TITLE = N_("MODIFIER MES COORDONNÉES DE CONTACT")
CHANGE_CONTACT_HELP = N_(
    "Modifiez votre téléphone portable ou votre adresse e-mail, une coordonnée à la fois. "
    "Un code de vérification est envoyé à la nouvelle coordonnée : elle n'est enregistrée "
    "qu'une fois ce code saisi."
)
CONTACT_CHANGED = N_("Vos coordonnées de contact ont été modifiées.")
RESEND_SHORTCUT = N_("1 pour demander un nouveau code")
NEW_CODE_SENT = N_("Un nouveau code vous a été envoyé.")
SPOUSE_RIGHTS_GRANTED = N_("Les droits de votre conjoint(e) ont été accordés.")
SPOUSE_RIGHTS_WITHDRAWN = N_("Les droits de votre conjoint(e) ont été retirés.")
LOGGED_OUT_EVERYWHERE = N_("Vous êtes déconnecté(e) de partout ({n} session(s) terminée(s)).")
AUTHORISE = N_("Autoriser")
WITHDRAW_RIGHTS = N_("Retirer ces droits")
EDIT_CONTACT = N_("Modifier mes coordonnées de contact")
CHANGE_PASSWORD = N_("Changer mon mot de passe")
LAST_CONNECTIONS = N_("Mes dernières connexions")
LOG_OUT_EVERYWHERE = N_("Me déconnecter de partout")
MANAGE_ACCOUNT_TITLE = N_("GÉRER MON COMPTE")
PROFILE_TITLE = N_("MON PROFIL")
AUTHORISATIONS_TITLE = N_("MES AUTORISATIONS")
LOG_OUT = N_("Se déconnecter")
CURRENT_PASSWORD = N_("Mot de passe actuel")
TYPE_CURRENT_PASSWORD = N_("Saisissez votre mot de passe actuel.")
CHANGE_PASSWORD_TITLE = N_("CHANGER MON MOT DE PASSE")
PASSWORD_CHANGED = N_("Votre mot de passe a été modifié.")
RIGHTS_PAYMENTS_TITLE = N_("MES DROITS ET PAIEMENTS")
CLAIMANT_NUMBER_LINE = N_("Numéro allocataire : {n}")
LAST_PAYMENTS_TITLE = N_("MES DERNIERS PAIEMENTS")
NO_RECENT_PAYMENT = N_("Aucun paiement récent.")
PAYMENT_LINE = N_("{date} : {label}, {amount}")
ATTESTATIONS_TITLE = N_("MES ATTESTATIONS")
ATTESTATIONS_INTRO = N_(
    "Les attestations que vous pouvez obtenir, en PDF : enregistrées dans votre dossier de "
    "téléchargements, ou envoyées par e-mail sur un poste partagé."
)
LAST_CONNECTIONS_TITLE = N_("MES DERNIÈRES CONNEXIONS")
UNKNOWN_CONNECTION_ADVICE = N_(
    "Si vous ne reconnaissez pas une connexion, changez votre mot de passe puis "
    "choisissez « Me déconnecter de partout »."
)
HELLO_PERSON = N_("Bonjour {given} {family}")
SECTIONS_TITLE = N_("MES RUBRIQUES")
UNAVAILABLE_TITLE = N_("ÉTAPE NON DISPONIBLE")
SMS = N_("SMS")
EMAIL = N_("E-mail")
MESSAGE_SUBJECT = N_("Objet : {subject}")
NO_MESSAGE_YET = N_("Aucun message pour l'instant.")
CODE_ACCEPTED = N_("Code accepté.")
MOBILE_PHONE = N_("Téléphone portable")
EMAIL_ADDRESS = N_("Adresse e-mail")
CONTACT_SAVED = N_("Vos coordonnées de contact ont été enregistrées.")
TEMPORARY_ID_LABEL = N_("Identifiant provisoire")
PASSWORD = N_("Mot de passe")
RULES_INTRO = N_("Pour des raisons de sécurité, les règles suivantes doivent être respectées :")
LEGACY_PASSWORD_SENT = N_(
    "Votre mot de passe à 8 chiffres vous a été renvoyé par SMS ou par e-mail : "
    "connectez-vous avec lui."
)
LEGACY_PASSWORD_OFFER = N_(
    "Vous utilisez encore votre mot de passe à 8 chiffres ? Vous pouvez demander le "
    "renvoi de votre mot de passe à 8 chiffres."
)
PASSWORD_RESET_DONE = N_(
    "Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe."
)
HELP = N_("Aide")
CLOSE = N_("Fermer")
LOADING_MESSAGES = N_("Chargement des messages…")
ERROR_SENTENCE = N_("Erreur : {message}")
HAVE_TEMPORARY_ID = N_("J'ai un identifiant provisoire")
WHAT_IS_FRANCECONNECT = N_("Qu'est-ce que FranceConnect ?")
NIR_PLACEHOLDER = N_("13 chiffres, ex. 1 83 05 99 999 011")
SHOW = N_("Afficher")
LOG_IN = N_("Se connecter")
HIDE = N_("Masquer")
N_DIGITS = N_("{n} chiffres")
SAVE_CONTACT = N_("Enregistrer mes coordonnées")
#: Said while a request is on its way (at once on screen; in the line mode, once it is slow).
SENDING = N_("Envoi en cours, veuillez patienter…")

# --- « Créer Mon Compte »: the form both front ends ask ---------------------------------------
SIGNUP_TITLE = N_("CRÉER MON COMPTE")
SIGNUP_INTRO = N_(
    "Tous les membres du foyer, de plus de 15 ans, peuvent créer leur compte. "
    "Tous les champs sont obligatoires, sauf mention contraire."
)
NO_NIR = N_("Je n'ai pas de numéro de Sécurité sociale")
TEMPORARY_ID_GIVEN = N_(
    "Un identifiant provisoire vous sera alors attribué pour les prochaines connexions."
)
MADAME = N_("Madame")
MONSIEUR = N_("Monsieur")
#: How a name's rule names the field in its message (« Le nom … »).
FAMILY_NAME_WORD = N_("nom")
GIVEN_NAMES_WORD = N_("prénom")
CHECK_WHAT_WAS_TYPED = N_("Vérifiez les informations saisies.")
NUMERO_ALLOCATAIRE = N_("Numéro allocataire")
POSTAL_CODE = N_("Code postal")
FAMILY_NAME = N_("Nom")
GIVEN_NAMES = N_("Prénom(s)")
BIRTH_DATE = N_("Date de naissance (JJ/MM/AAAA)")
