"""From the line mode's dashboard: the sections the role allows, read as lines, and « Gérer Mon
Compte » — against the real stub over HTTP, standard input not a terminal."""

from __future__ import annotations

import re

from caf_stub import RunningStub
from tests.plain.drive import (
    KARIM_NEW,
    KARIM_NIR,
    PAUL_NIR,
    PAUL_PASSWORD,
    Session,
    Typist,
    assert_plain,
    finished,
    in_order,
    login_answers,
    run,
)
from tests.plain.test_sections_declare import KARIM_HOME

PAUL_NEW = "Paul2027x"
ZOHRA_NIR = "2 85 07 99 999 012 52"
ZOHRA_PASSWORD = "Zohra2024"
PAYMENTS, ATTESTATIONS, MANAGE = "2", "5", "6"  # a holder's menu: 1 is « Se déconnecter »


def test_paul_reads_a_section_then_changes_his_password(stub: RunningStub) -> None:
    answers = [
        *login_answers(PAUL_NIR, PAUL_PASSWORD),
        PAYMENTS,
        "1",  # Retour
        MANAGE,
        "2",  # Changer mon mot de passe
        "Mauvais1",  # the current password first, as on the screen: this one is wrong
        "paul",  # too short, no digit, no capital: one sentence
        PAUL_NEW,
        PAUL_NEW,  # sent: the server refuses the current password, on its field
        PAUL_PASSWORD,
        "5",  # Retour
        "1",  # Se déconnecter
    ]
    out = finished(stub, answers)

    in_order(
        out,
        "1. Se déconnecter\n2. Mes droits et paiements\n",
        "6. Gérer Mon Compte\n",
        "MES DROITS ET PAIEMENTS",
        "Allocations familiales, 148,52\xa0€",
        "1. Retour",
        "GÉRER MON COMPTE",
        "Prénom(s) : Paul",
        "2. Changer mon mot de passe",
        "CHANGER MON MOT DE PASSE",
        "Erreur sur le champ « Nouveau mot de passe » : 2 règles sur 5 respectées : utilisez 8 "
        "à 24 caractères, ajoutez un chiffre et ajoutez une majuscule.",
        "Erreur sur le champ « Mot de passe actuel » : Mot de passe actuel incorrect",
        "Votre nouveau mot de passe est gardé",
        "Votre mot de passe a été modifié.",
        "GÉRER MON COMPTE",
        "Déconnexion effectuée.",
    )
    # The new password typed twice only: kept after the wrong current one.
    assert len(re.findall("^Nouveau mot de passe :", out, re.MULTILINE)) == 2
    assert len(re.findall("^Mot de passe actuel :", out, re.MULTILINE)) == 2
    assert_plain(out, PAUL_NEW, PAUL_PASSWORD, "Mauvais1")

    status, old = run(stub, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "q"])
    assert "Identifiant ou mot de passe incorrect." in old
    status, new = run(stub, [*login_answers(PAUL_NIR, PAUL_NEW), "1"])
    assert status == 0
    assert "Bonjour Paul LEROY" in new


def test_paul_changes_his_phone_with_the_code_sent_to_it(stub: RunningStub) -> None:
    session = Session(stub)
    typist = Typist(session)
    for answer, question in zip(
        login_answers(PAUL_NIR, PAUL_PASSWORD),
        ["Votre choix", "Numéro de Sécurité sociale", "Mot de passe"],
        strict=True,
    ):
        typist.type(answer, question)
    typist.choose("Gérer Mon Compte")
    typist.choose("Modifier mes coordonnées de contact")
    # The current password first: a wrong one is refused on its field and asked again alone.
    typist.type("Mauvais1", "Mot de passe actuel")
    typist.type("", "Téléphone portable")
    typist.type("", "Adresse e-mail")
    said = typist.wait("Saisir la nouvelle coordonnée")
    assert (
        "Erreur sur le champ « Téléphone portable » : Saisissez la nouvelle coordonnée à "
        "enregistrer." in said
    )
    typist.choose("Saisir la nouvelle coordonnée")
    typist.type("01 23 45", "Téléphone portable")
    said = typist.wait("Téléphone portable")
    assert "Erreur sur le champ « Téléphone portable »" in said
    assert "Vous avez saisi : 01 23 45." in said
    typist.type("07 81 23 45 67", "Téléphone portable")
    typist.type("", "Adresse e-mail")
    said = typist.wait("Mot de passe actuel")
    assert "Erreur sur le champ « Mot de passe actuel » : Mot de passe actuel incorrect" in said
    typist.type(PAUL_PASSWORD, "Mot de passe actuel")
    typist.type("000000", "Code de vérification")
    said = typist.wait("Code de vérification (ou")
    assert "Erreur sur le champ « Code de vérification » : Code incorrect" in said
    assert "Il vous reste 4 essais." in said
    typist.type("3", "Code de vérification")  # the demo's messages
    said = typist.wait("Fin des messages.")
    assert "SMS à 07 81 23 45 67" in said  # sent to the new number, not to the one on file
    code = re.findall(r"Votre code de vérification Caf : (\d{6})", said)[0]
    typist.type(code, "Code de vérification")
    said = typist.wait("Que voulez-vous faire ?")
    in_order(
        said,
        "Vos coordonnées de contact ont été modifiées.",
        "GÉRER MON COMPTE",
        "Téléphone portable : 07 81 23 45 67",  # read anew from the server
    )
    typist.choose("Retour")
    typist.choose("Se déconnecter")
    assert session.join() == 0
    out = session.screen.text
    sent = "Un code de vérification vient d'être envoyé par SMS au 07 81 23 45 67."
    assert out.count(sent) == 1
    assert "Ce code est valable 10 minutes." in out
    assert out.count(code) == 1  # in the demo's message only: never said back
    assert_plain(out, PAUL_PASSWORD)


def zohra_sees(stub: RunningStub) -> str:
    """Zohra's dashboard menu, and her « Gérer Mon Compte »."""
    session = Session(stub)
    typist = Typist(session)
    typist.type("1", "Votre choix")
    typist.type(ZOHRA_NIR, "Numéro de Sécurité sociale")
    typist.type(ZOHRA_PASSWORD, "Mot de passe")
    typist.choose("Gérer Mon Compte")
    typist.choose("Retour")
    typist.choose("Se déconnecter")
    assert session.join() == 0
    return session.screen.text


def test_karim_grants_then_withdraws_zohras_rights(stub: RunningStub) -> None:
    grant = [MANAGE, "1", "9", "1"]  # Autoriser; Retour; Se déconnecter
    out = finished(stub, [*KARIM_HOME, *grant])
    in_order(
        out,
        "MES AUTORISATIONS",
        "Zohra TADJ n'est pas autorisé(e) à consulter les droits et paiements",
        "1. Autoriser",
        "Les droits de votre conjoint(e) ont été accordés.",
        "Zohra TADJ est autorisé(e) à :\nconsulter les droits et paiements\n",
        "1. Retirer ces droits",
    )

    authorised = zohra_sees(stub)
    assert "2. Mes droits et paiements" in authorised  # the server now allows it
    assert "Conjoint(e)" in authorised
    # Holder-only entries are not offered to the spouse.
    manage = authorised[authorised.index("GÉRER MON COMPTE") :]
    assert "MES AUTORISATIONS" not in manage
    assert "Autoriser" not in manage and "Retirer ces droits" not in manage
    assert "1. Modifier mes coordonnées de contact" in manage

    withdraw = [*login_answers(KARIM_NIR, KARIM_NEW), MANAGE, "1", "9", "1"]
    out = finished(stub, withdraw)
    in_order(
        out,
        "Zohra TADJ est autorisé(e) à :",
        "1. Retirer ces droits",
        "Les droits de votre conjoint(e) ont été retirés.",
        "Zohra TADJ n'est pas autorisé(e)",
        "1. Autoriser",
    )
    withdrawn = zohra_sees(stub)
    assert "Mes droits et paiements : non autorisé" in withdrawn
    assert ". Mes droits et paiements\n" not in withdrawn  # no longer in her menu
    assert_plain(out, KARIM_NEW)


def test_declare_change_and_attestations_open_in_the_line_mode(stub: RunningStub) -> None:
    answers = [*login_answers(PAUL_NIR, PAUL_PASSWORD), "3", "3", ATTESTATIONS, "4", "1"]
    out = finished(stub, answers)

    in_order(
        out,
        "DÉCLARER UN CHANGEMENT",
        "1. Changement d'adresse\n2. Changement de situation familiale\n3. Retour",
        "MON COMPTE",
        "MES ATTESTATIONS",
        "1. Télécharger « Attestation de situation »",
        "4. Retour",
        "Déconnexion effectuée.",
    )
    assert "n'est pas encore disponible" not in out


def test_recent_connections_then_log_out_everywhere_asks_for_the_login(
    stub: RunningStub,
) -> None:
    answers = [
        *login_answers(PAUL_NIR, PAUL_PASSWORD),
        MANAGE,
        "3",  # Mes dernières connexions
        "1",  # Retour
        "4",  # Me déconnecter de partout
        "",  # the login keeps the identifier
        PAUL_PASSWORD,
        "1",  # Se déconnecter
    ]
    out = finished(stub, answers)

    in_order(
        out,
        "MES DERNIÈRES CONNEXIONS",
        "(cette session)",
        "1. Retour",
        "GÉRER MON COMPTE",
        "4. Me déconnecter de partout",
        "Vous êtes déconnecté(e) de partout (1 session(s) terminée(s)).",
        "CONNEXION",
        f"Appuyez sur Entrée pour garder {PAUL_NIR} :",
        "Connexion réussie.",
        "Bonjour Paul LEROY",
    )
    assert re.search(r"^Connexion le \d\d/\d\d/\d{4} à \d\d:\d\d \(cette session\)$", out, re.M)
    assert_plain(out, PAUL_PASSWORD)
