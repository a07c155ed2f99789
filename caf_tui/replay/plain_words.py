"""How a flow's ids read in the line mode: the words of its options and of its questions."""

from __future__ import annotations

import re

from caf_tui.api import Section
from caf_tui.labels import section_title, signup_labels

MENU_LINE = re.compile(r"^(\d+)\. (.+)$")
SHORTCUT = re.compile(r"(\d) pour ([^,)]+)")
#: Words that stand for an id of the screens in the line mode's options.
SYNONYMS = {
    "temporary": ["identifiant provisoire"],
    "accept": ["accepte", "continuer sur le portail"],
    "authorise": ["oui"],
    "refuse": ["non", "refuser"],
    "edit": ["modifier"],
    "no-nir": ["je n'ai pas de numéro"],
    "skip": ["passer"],
    "sms": ["sms"],
    "email": ["e-mail"],
    "quit": ["quitter"],
    "logout": ["se déconnecter"],
    "resend": ["demander"],
    "back": ["retour"],
}
#: How the line mode's questions begin, per field id.
QUESTIONS = {
    "identifier": ["numéro de sécurité sociale", "identifiant provisoire"],
    "password": ["mot de passe", "nouveau mot de passe"],
    "current_password": ["mot de passe actuel"],
    "confirmation": ["confirmation"],
    "code": ["code de vérification"],
    "phone": ["téléphone"],
    "email": ["adresse e-mail"],
    "login": ["identifiant"],
    "numero_allocataire": ["numéro allocataire"],
    "postal_code": ["code postal"],
    "family_name": ["nom"],
    "given_names": ["prénom"],
    "birth_date": ["date de naissance"],
    "nir": ["numéro de sécurité sociale"],
    "gender": ["civilité"],
}
#: Questions that begin like a field's but belong to another one.
NOT_QUESTIONS = {"password": ("mot de passe actuel",)}
#: Questions that may be left empty (Entrée) when the flow fills something else.
OPTIONAL = ("téléphone", "adresse e-mail")
LABELS = {
    "identifier": "Numéro de Sécurité sociale",
    "password": "Mot de passe",
    "current_password": "Mot de passe actuel",
    "phone": "Téléphone portable",
    "email": "Adresse e-mail",
    "birth_date": "Date de naissance",
    "gender": "Civilité",
}
#: Presses that the line mode does by itself once the questions are answered (the screens'
#: submit and back buttons): with nothing left to answer, they do nothing.
SUBMITS = frozenset({"valider", "connect", "save", "back", "retour", "enregistrer mes coordonnées"})
QUIT_LABELS = frozenset({"quitter", "quit"})
#: The line mode's « check your answers » question (« Créer Mon Compte »).
REVIEW = "tapez le numéro d'une réponse à corriger"
#: The answers that make the review's one line about the identity.
IDENTITY = ("nir", "gender")


def norm(text: str) -> str:
    return " ".join(text.replace("«", "").replace("»", "").split()).casefold()


def option_words(label: str) -> list[str]:
    """The words of an option that answers ``label`` (a button's text or id)."""
    if label.startswith("section-"):
        try:
            return [norm(section_title(Section(label.removeprefix("section-"))))]
        except ValueError:
            pass
    return SYNONYMS.get(label, [norm(label)])


def asks_for(question: str, field: str) -> bool:
    """Whether the (normalised) question asks for the flow's field ``field``."""
    if question.startswith(NOT_QUESTIONS.get(field, ())):
        return False
    return any(question.startswith(word) for word in QUESTIONS.get(field, [field]))


def review_labels(field: str) -> list[str]:
    """How the review names the field's answer (« Prénom(s) : Lucas »)."""
    names = IDENTITY if field in IDENTITY else (field,)
    labels = signup_labels()
    return [norm(labels[name]) for name in names if name in labels]
