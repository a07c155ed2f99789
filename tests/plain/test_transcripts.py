"""The line mode against the real stub over HTTP, driven through standard input (not a tty)."""

from __future__ import annotations

import re

from caf_stub import RunningStub
from tests.plain.drive import (
    CODE,
    KARIM_LEGACY,
    KARIM_NEW,
    KARIM_NIR,
    PAUL_NIR,
    PAUL_PASSWORD,
    assert_plain,
    finished,
    in_order,
    karim_to_code,
    login_answers,
    run,
)


def test_paul_reaches_the_dashboard_and_logs_out(stub: RunningStub) -> None:
    out = finished(stub, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "1"])

    assert "Numéro de Sécurité sociale (13 chiffres, ou 15 avec la clé) :" in out
    assert "Bonjour Paul LEROY" in out
    assert re.search(r"Numéro allocataire : \d{7}", out)
    assert "Mes droits et paiements : autorisé" in out
    assert re.search(r"^\d\d/\d\d/\d{4}, [^:\n]+ : \d+,\d\d\xa0€$", out, re.MULTILINE)
    assert "1. Se déconnecter" in out
    assert out.rstrip().endswith("Déconnexion effectuée. À bientôt sur caf.fr.")
    assert_plain(out, PAUL_PASSWORD)


def test_a_refused_password_is_said_and_the_identifier_kept(stub: RunningStub) -> None:
    answers = [*login_answers(PAUL_NIR, "Mauvais1234"), "", PAUL_PASSWORD, "1"]
    out = finished(stub, answers)

    assert out.count("Identifiant ou mot de passe incorrect.") == 1
    assert (
        "Numéro de Sécurité sociale (13 chiffres, ou 15 avec la clé). "
        f"Appuyez sur Entrée pour garder {PAUL_NIR} :"
    ) in out
    assert "Bonjour Paul LEROY" in out
    assert_plain(out, PAUL_PASSWORD, "Mauvais1234")


def test_a_malformed_nir_is_refused_before_sending(stub: RunningStub) -> None:
    answers = ["1", "1 78 02", "", "1 78 02 99 999 015 99", PAUL_NIR, PAUL_PASSWORD, "1"]
    out = finished(stub, answers)

    assert (
        "Erreur sur le champ « Numéro de Sécurité sociale » : Numéro trop court : il faut 13 "
        "chiffres (ou 15 avec la clé), vous en avez saisi 5."
    ) in out
    assert (
        "Erreur sur le champ « Numéro de Sécurité sociale » : ce champ est obligatoire, "
        "veuillez le remplir."
    ) in out
    assert "Erreur sur le champ « Numéro de Sécurité sociale » : La clé" in out
    # Only one password question: nothing malformed reached the server.
    assert out.count("Mot de passe :") == 1
    assert "Bonjour Paul LEROY" in out


def test_karim_whole_journey(stub: RunningStub) -> None:
    answers = [
        *karim_to_code("karim2024"),
        "000000",
        CODE,
        "1",  # Continuer
        "1",  # Oui: Zohra is authorised
        "1",  # Se déconnecter
    ]
    out = finished(stub, answers)

    expected_in_order = [
        'VOTRE CONNEXION À "MON COMPTE" CHANGE !',
        "1. Commencer\n2. Quitter",
        "Étape 1 sur 3 : CONDITIONS GÉNÉRALES D'UTILISATION",
        "Les décisions automatiques individuelles",
        "Acceptez-vous les conditions générales d'utilisation ?\n1. Oui, je les accepte\n"
        "2. Quitter",
        "Étape 2 sur 3 : CHOISIR SON MOT DE PASSE",
        "au moins 1 lettre minuscule et 1 majuscule",
        "Erreur sur le champ « Nouveau mot de passe » : 4 règles sur 5 respectées : "
        "ajoutez une majuscule.",
        "Votre nouveau mot de passe est enregistré.",
        "Téléphone portable : 06 15 00 00 00",
        "1. Recevoir le code par SMS au 06 15 00 00 00 (valable 10 minutes)",
        "2. Recevoir le code par e-mail à karim.tadj@example.com (valable 15 minutes)",
        "3. Modifier mes coordonnées de contact",
        "4. Quitter",
        "Nous venons de vous envoyer un code de vérification par SMS sur le numéro suivant "
        "06 15 00 00 00.",
        "Ce code est valable 10 minutes.",
        "Code de vérification (6 chiffres), ou : 1 pour demander un nouveau code, 2 pour "
        "modifier vos coordonnées, 3 pour lire les messages reçus (démo — simulation), ? pour "
        "l'aide, q pour quitter :",
        "Erreur sur le champ « Code de vérification » : Code incorrect",
        "Il vous reste 4 essais.",
        "Code de vérification (ou 1, 2, 3, ? ou q) :",  # shorter when asked again
        "Code accepté.",
        "Votre espace Mon Compte est créé",
        f"utilisez votre numéro de Sécurité sociale : {KARIM_NIR}.",
        "Autorisez-vous Zohra TADJ à consulter les données du dossier et à réaliser les "
        "démarches ?\n1. Oui\n2. Non\n3. Passer",
        "Vous avez autorisé Zohra TADJ.",
        "Bonjour Karim TADJ",
        "Déconnexion effectuée.",
    ]
    in_order(out, *expected_in_order)
    assert_plain(out, KARIM_LEGACY, KARIM_NEW, "karim2024")


def test_quitting_asks_first_and_the_next_login_resumes_there(stub: RunningStub) -> None:
    to_password = [*login_answers(KARIM_NIR, KARIM_LEGACY), "1", "1"]
    out = finished(stub, [*to_password, "q", "1", "q", "2"])

    assert out.count("Voulez-vous vraiment quitter ?") == 2
    assert "1. Rester\n2. Quitter" in out
    assert out.rstrip().endswith(
        "à votre prochaine connexion, vous reprendrez à l'étape « Choisir son mot de passe »."
    )

    _, again = run(stub, [*login_answers(KARIM_NIR, KARIM_LEGACY), "q", "2"])
    assert "CHOISIR SON MOT DE PASSE" in again
    assert "CONDITIONS GÉNÉRALES" not in again


def test_question_mark_gives_the_field_help_and_asks_again(stub: RunningStub) -> None:
    out = finished(stub, ["?", "1", "?", PAUL_NIR, "?", PAUL_PASSWORD, "?", "1"])

    assert "Si vous n'avez pas de numéro de Sécurité sociale" in out  # the kind's help
    assert "Votre numéro de Sécurité sociale figure sur votre carte Vitale" in out
    assert "Saisissez votre mot de passe actuel." in out
    assert "Tapez 1 pour vous déconnecter, ou le numéro d'une rubrique" in out
    assert out.count("Mot de passe :") == 2


def test_a_temporary_identifier(stub: RunningStub) -> None:
    out = finished(stub, ["2", "t 0000 0042", "Diallo2024", "1"])

    assert "Identifiant provisoire (T suivi de 8 chiffres) :" in out
    assert "Bonjour Amina DIALLO" in out


def test_contact_details_are_checked_then_saved(stub: RunningStub) -> None:
    claire = ["1", "2 92 01 99 999 014 96", "92014321", "1", "1", "Claire2024", "Claire2024"]
    answers = [*claire, "3", "01 23", "06 12 34 56 78", "", "3", "", "", "q", "2"]
    out = finished(stub, answers)

    assert "Téléphone portable. Appuyez sur Entrée pour garder 06 15 00 00 01 :" in out
    assert "Erreur sur le champ « Téléphone portable » : Saisissez un numéro de portable" in out
    assert "Vos coordonnées de contact ont été enregistrées." in out
    assert "1. Recevoir le code par SMS au 06 12 34 56 78 (valable 10 minutes)" in out
    assert "Vos coordonnées de contact n'ont pas changé." in out
    assert_plain(out, "Claire2024", "92014321")


def test_code_requests_and_the_demo_outbox(stub: RunningStub) -> None:
    answers = [*karim_to_code(), "3", "1", "12", "2", "2", "1", "q", "2"]
    out = finished(stub, answers)

    assert "Messages reçus (démo — simulation : aucun SMS ni e-mail réel n'est envoyé)." in out
    assert "SMS à 06 15 00 00 00" in out
    assert f"Votre code de vérification Caf : {CODE}." in out
    assert "attendez 60 secondes" in out  # a new code asked too soon
    assert (
        "Erreur sur le champ « Code de vérification » : Le code compte 6 chiffres ; "
        "vous en avez saisi 2.\n"  # and nothing of the code typed is said back
    ) in out
    # « 2 » went back to the contact details; the e-mail was chosen there.
    assert "par e-mail à l'adresse suivante karim.tadj@example.com." in out
    assert "Ce code est valable 15 minutes." in out


def test_an_unreachable_service_offers_to_try_again() -> None:
    nobody = "http://127.0.0.1:9"  # the discard port: nothing listens there
    status, out = run(nobody, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "1", "2"])

    assert status == 0
    assert out.count("Le service est injoignable.") == 2
    assert "Que voulez-vous faire ?\n1. Réessayer\n2. Quitter" in out
    assert out.rstrip().endswith("Au revoir.")
    assert_plain(out, PAUL_PASSWORD)


def test_the_end_of_input_logs_out(stub: RunningStub) -> None:
    status, out = run(stub, [*login_answers(KARIM_NIR, KARIM_LEGACY)])

    assert status == 1
    assert "Fin de la saisie." in out
    assert "vous reprendrez à l'étape « Votre connexion à « Mon Compte » change »." in out
