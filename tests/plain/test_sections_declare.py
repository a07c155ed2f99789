"""« Déclarer un changement » and « Faire une demande de prestation » in the line mode, through
a pipe (standard input not a terminal), against the real stub over HTTP."""

from __future__ import annotations

from caf_stub import RunningStub
from tests.plain.drive import CODE, KARIM_NEW, assert_plain, finished, in_order, karim_to_code

KARIM_HOME = [*karim_to_code(), CODE, "1", "3"]  # Continuer, then « Passer » the authorisation
DECLARE, BENEFIT = "3", "4"  # a holder's menu: 1 is « Se déconnecter »


def test_karim_declares_a_move_a_wrong_commune_asked_again_alone(stub: RunningStub) -> None:
    answers = [
        *KARIM_HOME,
        DECLARE,
        "1",  # Changement d'adresse
        "3 rue Nationale",
        "69001",
        "Lille",  # not the commune of 69001: only this field is asked again
        "01/11/2026",
        "1",  # Vérifier
        "Lyon",
        "1",  # Vérifier
        "1",  # Envoyer
        "1",  # Retour, once the receipt is read
        "3",  # Retour
        "1",  # Se déconnecter
    ]
    out = finished(stub, answers)

    in_order(
        out,
        "DÉCLARER UN CHANGEMENT",
        "Aucune déclaration pour le moment.",
        "CHANGEMENT D'ADRESSE",
        "Numéro et voie :",
        "Erreur sur le champ « Commune » : La commune ne correspond pas au code postal 69001 : "
        "saisissez « Lyon ».",
        "Commune",
        "RÉCAPITULATIF : vérifiez avant d'envoyer",
        "Nouvelle adresse : 3 rue Nationale, 69001 Lyon",
        "Date du déménagement : 01/11/2026",
        "1. Envoyer\n2. Modifier\n3. Retour",
        "ACCUSÉ DE RÉCEPTION",
        "Référence : DC-",
        "Une copie vous a été envoyée à karim.tadj@example.com.",
        "MES DERNIÈRES DÉCLARATIONS",
        "Changement d'adresse (référence DC-",
        "MON COMPTE",
        "MES DERNIÈRES DÉCLARATIONS",  # the dashboard lists it too
        "Déconnexion effectuée.",
    )
    assert out.count("Numéro et voie :") == 1  # kept, never asked again
    assert_plain(out, KARIM_NEW)


def test_a_benefit_request_then_the_same_again_is_refused_as_pending(stub: RunningStub) -> None:
    sent = ["1", "1"]  # Vérifier, Envoyer
    request = ["1", "abc", "3", "2", "1", "1850", *sent]  # a bad amount, asked again alone
    again = ["1", "1850", "3", "2", *sent]  # the same request: already pending
    answers = [*KARIM_HOME, BENEFIT, *request, "1", *again, "3", "1"]
    out = finished(stub, answers)

    in_order(
        out,
        "FAIRE UNE DEMANDE DE PRESTATION",
        "1. Prime d'activité\n2. Allocation de rentrée scolaire\n3. Retour",
        "Erreur sur le champ « Vos revenus d'activité du mois dernier » : Saisissez vos revenus "
        "d'activité du mois dernier en euros",
        "RÉCAPITULATIF",
        "ACCUSÉ DE RÉCEPTION",
        "Référence : ",
        "FAIRE UNE DEMANDE DE PRESTATION",
        "RÉCAPITULATIF",
        "Une demande de prime d'activité est déjà en cours d'examen pour ce dossier (référence PR-",
        "Déconnexion effectuée.",
    )
    assert out.count("ACCUSÉ DE RÉCEPTION") == 1
