"""The login's other doors in the line mode, against the real stub over HTTP, standard input
not a terminal: « Mot de passe oublié ? » and « Créer Mon Compte »."""

from __future__ import annotations

import re

from caf_stub import RunningStub
from tests.plain.drive import (
    CODE,
    CREATE,
    LUCAS_NIR,
    LUCAS_PASSWORD,
    PAUL_NIR,
    PAUL_PASSWORD,
    after_signup,
    assert_plain,
    finished,
    in_order,
    login_answers,
    run,
)

FORGOT = "3"
PAUL_NEW = "Paul2026x"


def test_paul_forgets_his_password_chooses_a_new_one_then_logs_in(stub: RunningStub) -> None:
    answers = [
        FORGOT,
        "1 78 02",  # refused before sending: too short
        PAUL_NIR,
        "000000",  # a wrong code, said on the field
        "2",  # the demo's messages: the code sent
        CODE,
        "paul2026x",  # no capital letter: one checklist sentence
        PAUL_NEW,
        PAUL_NEW,
        "",  # the login keeps the identifier: Entrée
        PAUL_NEW,
        "1",  # Se déconnecter
    ]
    out = finished(stub, answers)

    expected = [
        "3. Mot de passe oublié ?",
        "MOT DE PASSE OUBLIÉ",
        "Erreur sur le champ « Numéro de Sécurité sociale ou identifiant provisoire » : "
        "Numéro trop court",
        "Vous avez saisi : 1 78 02.",  # said back, to find the typo
        "un code de vérification vient d'être envoyé par SMS ou par e-mail",
        "Ce code est valable 10 minutes.",
        "Erreur sur le champ « Code de vérification » : Code incorrect",
        "Il vous reste 4 essais.",
        f"Votre code de vérification Caf : {CODE}.",
        "Code accepté.",
        "Je choisis mon nouveau mot de passe.",
        "Erreur sur le champ « Nouveau mot de passe » : 4 règles sur 5 respectées : "
        "ajoutez une majuscule.",
        "Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.",
        f"Appuyez sur Entrée pour garder {PAUL_NIR} :",
        "Connexion réussie.",
        "Bonjour Paul LEROY",
    ]
    in_order(out, *expected)
    assert_plain(out, PAUL_NEW, "paul2026x", PAUL_PASSWORD)

    # The old password no longer opens the account.
    _, again = run(stub, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "q"])
    assert "Identifiant ou mot de passe incorrect." in again


def test_lucas_creates_his_account_refused_answers_are_asked_again(stub: RunningStub) -> None:
    form = ["4821573", "932", "93200", "Tadj", "Luc", "22/05/2010", "1", LUCAS_NIR]
    # Read back, sent (Entrée); the file knows no « Luc »: read back again, the 4th corrected.
    corrected = ["", "4", "Lucas", ""]
    journey = after_signup(LUCAS_PASSWORD, "lucas.tadj@example.com")
    out = finished(stub, [CREATE, *form, *corrected, *journey])

    assert (
        "Erreur sur le champ « Code postal » : Le code postal compte 5 chiffres (ex. : 93200)."
    ) in out
    assert "aucune personne de ce dossier" in out
    assert out.count("4. Prénom(s) : Luc\n") == 2  # read back before sending, then after
    assert "Prénom(s). Appuyez sur Entrée pour garder Luc :" in out
    assert "4. Prénom(s) : Lucas\n" in out
    assert "Votre dossier est retrouvé" in out
    assert f"utilisez votre numéro de Sécurité sociale : {LUCAS_NIR}." in out
    assert "Bonjour Lucas TADJ" in out
    assert "Membre du foyer" in out
    assert_plain(out, LUCAS_PASSWORD)


def test_ines_without_a_nir_is_told_her_temporary_identifier(stub: RunningStub) -> None:
    ines = ["3307462", "31000", "Leroy", "Inès", "15/01/2012", "2", "1"]  # no NIR; Madame
    # Read back and sent (Entrée); the birth date refused, asked again, read back, sent.
    journey = after_signup("Ines2026x", "ines.leroy@example.com", by_email=True)
    out = finished(stub, [CREATE, *ines, "", "02/09/2004", "", *journey])

    assert (
        "Erreur sur le champ « Date de naissance (JJ/MM/AAAA) » : Il faut avoir au moins 16 ans"
    ) in out
    assert "Date de naissance (JJ/MM/AAAA). Appuyez sur Entrée pour garder 15/01/2012 :" in out
    # Only the refused field was asked again: the rest was kept.
    assert out.count("Avez-vous un numéro de Sécurité sociale ?") == 1
    assert len(re.findall("^Code postal :", out, re.MULTILINE)) == 1
    assert "6. Civilité : Madame (sans numéro de Sécurité sociale)" in out
    assert "Un identifiant provisoire vous sera alors attribué" in out
    found = re.search(r"utilisez votre identifiant provisoire : (T\d{8})\.", out)
    assert found, out
    identifier = found.group(1)
    assert f"Caractère par caractère : {' '.join(identifier)}." in out
    assert "Bonjour Inès LEROY" in out
    assert_plain(out, "Ines2026x")

    _, again = run(stub, ["2", identifier, "Ines2026x", "1"])
    assert "Bonjour Inès LEROY" in again


def test_question_mark_at_a_door_field_gives_its_help_and_keeps_asking(
    stub: RunningStub,
) -> None:
    out = finished(stub, [FORGOT, "?", PAUL_NIR, "?", "q", "2"])

    # « Mot de passe oublié ? »: the screen's help, then the question again (shorter).
    assert "Si un compte lui correspond, un code de vérification est envoyé" in out
    assert "\nNuméro de Sécurité sociale ou identifiant provisoire : \n" in out
    assert "Vous n'avez rien reçu ? Attendez quelques secondes." in out  # the code's help
    assert "Votre demande de nouveau mot de passe sera abandonnée." in out
    assert out.rstrip().endswith("Au revoir.")

    _, out = run(stub, [CREATE, "?", "4821573", "?", "q"])
    # « Créer Mon Compte »: its help at the numéro allocataire, and at the code postal.
    assert out.count("Le numéro allocataire figure sur les courriers de la Caf.") == 2
    assert out.count("Numéro allocataire :") == 2
    assert out.count("Code postal :") == 2
