"""FranceConnect in the line mode for Angela DUBOIS: signed in here, line by line, or in a
browser (the test plays the browser over real HTTP) while the line mode waits quietly."""

from __future__ import annotations

import re

from caf_stub import RunningStub
from tests.franceconnect.browser import Browser
from tests.plain.drive import Session, assert_plain, finished, in_order

FRANCECONNECT = "5"
HERE, IN_A_BROWSER = "1", "2"
ANGELA_LOGIN, ANGELA_PASSWORD = "test", "123"
WAITING = "En attente de votre connexion sur FranceConnect."


def test_angela_signs_in_here_line_by_line(stub: RunningStub) -> None:
    answers = [
        FRANCECONNECT,
        HERE,
        "1",  # Démonstration eIDAS faible, the only one available
        ANGELA_LOGIN,
        "999",  # refused by the provider
        "",  # Entrée keeps the identifiant
        ANGELA_PASSWORD,
        "1",  # Continuer sur le portail des Allocations Familiales
        "1",  # Commencer
        "q",
        "2",
    ]
    out = finished(stub, answers)

    expected = [
        "5. S'identifier avec FranceConnect",
        "1. Dans ce terminal (démonstration)\n2. Dans un navigateur (lien à ouvrir)\n"
        "3. Retour à la connexion",
        "Indisponibles : impots.gouv.fr",
        "1. Démonstration eIDAS faible\n2. Annuler",
        "FRANCECONNECT : Démonstration eIDAS faible",
        "Erreur sur le champ « Mot de passe » : Identifiant ou mot de passe incorrect.",
        "Identifiant. Appuyez sur Entrée pour garder test :",
        "FRANCECONNECT : VOS INFORMATIONS",
        "Nom de naissance : DUBOIS",
        "1. Continuer sur le portail des Allocations Familiales",
        "Connexion réussie.",
        'VOTRE CONNEXION À "MON COMPTE" CHANGE !',
        "CONDITIONS GÉNÉRALES D'UTILISATION",
    ]
    in_order(out, *expected)
    assert_plain(out)
    # The passwords typed are never written back (the consent's values are not secrets).
    assert not re.search(r"\b(123|999)\b", out.split("VOS INFORMATIONS")[0])


def test_refusing_the_consent_goes_back_to_the_login(stub: RunningStub) -> None:
    answers = [FRANCECONNECT, HERE, "1", ANGELA_LOGIN, ANGELA_PASSWORD, "2", "q"]
    out = finished(stub, answers)

    assert "Retour à l'écran de connexion." in out
    assert out.count("\nCONNEXION\n") == 2
    assert "Connexion réussie." not in out


def test_angela_signs_in_in_a_browser_while_the_line_mode_waits(stub: RunningStub) -> None:
    session = Session(stub)
    screen = session.screen
    session.stdin.type(FRANCECONNECT, IN_A_BROWSER)
    screen.wait_for("Appuyez sur Entrée ou tapez q pour abandonner")
    found = re.search(r"connectez-vous avec FranceConnect :\n(\S+)\n", screen.text)
    assert found, screen.text
    assert "Cette adresse est valable 10 minutes." in screen.text

    browser = Browser(stub)
    try:
        consent = browser.sign_in_to_consent(found.group(1), ANGELA_LOGIN, ANGELA_PASSWORD)
        redirect = browser.decide(consent, "accept")
        assert "Connexion réussie" in browser.open(redirect.headers["location"]).text
    finally:
        browser.close()

    screen.wait_for('VOTRE CONNEXION À "MON COMPTE" CHANGE !')
    session.stdin.type("q", "2")
    assert session.join() == 0
    text = screen.text
    assert text.count(WAITING) == 1  # said once, not at every poll
    assert "Connexion réussie." in text
    assert_plain(text)


def test_waiting_for_the_browser_can_be_given_up(stub: RunningStub) -> None:
    session = Session(stub)
    session.stdin.type(FRANCECONNECT, IN_A_BROWSER, "?")
    session.screen.wait_for("l'application le verra seule")  # the help, and still waiting
    session.stdin.type("")
    session.screen.wait_for("Connexion avec FranceConnect abandonnée.")
    session.screen.wait_for("Comment voulez-vous vous connecter ?", count=2)
    session.stdin.type("q")

    assert session.join() == 0
    assert session.screen.text.count(WAITING) == 1
