"""« Créer Mon Compte » in the line mode: every answer read back before sending, any of them
corrected by its number — against the real stub over HTTP, standard input not a terminal."""

from __future__ import annotations

import httpx

from caf_stub import RunningStub
from tests.plain.drive import (
    CREATE,
    LUCAS_NIR,
    LUCAS_PASSWORD,
    after_signup,
    assert_plain,
    finished,
    login_answers,
    run,
)

#: Two answers wrong (the file knows neither), each one well formed.
FORM = ["4821573", "93200", "Tadjj", "Luca", "22/05/2010", "1", LUCAS_NIR]
JOURNEY = after_signup(LUCAS_PASSWORD, "lucas.tadj@example.com")


def test_two_answers_corrected_from_the_review_are_the_ones_sent(stub: RunningStub) -> None:
    review = [
        "?",  # the review's help
        "9",  # no such answer: said, asked again
        "3",
        "TADJ",
        "4",
        "",  # Entrée keeps « Luca »: nothing changed
        "4",
        "Lucas",
        "",  # Entrée: sent
    ]
    out = finished(stub, [CREATE, *FORM, *review, *JOURNEY])

    assert out.count("Vérifiez vos réponses :") == 4  # first, then after each correction
    first = out[out.index("Vérifiez vos réponses :") :]
    assert first.startswith(
        "Vérifiez vos réponses :\n"
        "1. Numéro allocataire : 4821573\n"
        "2. Code postal : 93200\n"
        "3. Nom : Tadjj\n"
        "4. Prénom(s) : Luca\n"
        "5. Date de naissance (JJ/MM/AAAA) : 22/05/2010\n"
        f"6. Numéro de Sécurité sociale : {LUCAS_NIR}\n"
        "Tapez le numéro d'une réponse à corriger, r pour revenir à la connexion, ou Entrée "
        "pour envoyer :"
    )
    assert "Pour en corriger une, tapez son numéro" in out
    assert "Répondez par le numéro d'une réponse, de 1 à 6, par r pour revenir" in out
    assert "Nom. Appuyez sur Entrée pour garder Tadjj :" in out  # what was typed stays
    assert "Prénom(s). Appuyez sur Entrée pour garder Luca :" in out
    assert "3. Nom : TADJ\n4. Prénom(s) : Lucas\n" in out
    # Only the corrected answers reached the server: the file was found at once.
    assert "aucune personne de ce dossier" not in out
    assert "Votre dossier est retrouvé" in out
    assert "Bonjour Lucas TADJ" in out
    assert_plain(out, LUCAS_PASSWORD)

    status, again = run(stub, [*login_answers(LUCAS_NIR, LUCAS_PASSWORD), "1"])
    assert status == 0
    assert "Bonjour Lucas TADJ" in again


def test_a_refusal_without_a_field_reads_the_answers_back(stub: RunningStub) -> None:
    out = finished(stub, [CREATE, *FORM, "", "q"])

    refused = out.index("aucune personne de ce dossier")
    # Nothing is asked again by itself: the answers are read back, as typed.
    assert "4. Prénom(s) : Luca\n" in out[refused:]
    assert out.rstrip().endswith("Au revoir.")


def test_r_leaves_the_review_for_the_login_sending_nothing(stub: RunningStub) -> None:
    """Someone who remembers an account already exists goes back without sending: the login's
    menu is asked again, and the file still has no account for Lucas."""
    out = finished(stub, [CREATE, *FORM, "r", "q"])

    back = out.index("Rien n'a été envoyé : retour à la connexion.")
    assert "Comment voulez-vous vous connecter ?" in out[back:]
    assert "aucune personne de ce dossier" not in out
    journal = httpx.get(stub.url + "/_stub/journal").json()
    assert not [entry for entry in journal if entry["path"].endswith("/signup")]
