"""« Créer Mon Compte » directly against the stub's API."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.stub.helpers import API, Portal, error_of

LUCAS = {
    "numero_allocataire": "4821573",
    "postal_code": "93200",
    "family_name": "Tadj",
    "given_names": "Lucas",
    "birth_date": "2010-05-22",
    "nir": "1 10 05 99 999 013 58",
}
INES = {
    "numero_allocataire": "3307462",
    "postal_code": "31000",
    "family_name": "Leroy",
    "given_names": "Inès",
    "birth_date": "2004-09-02",
    "gender": "F",
}
PASSWORD = "Bienvenue26"


def sign_up(portal: Portal, body: dict[str, Any], expect: int = 200) -> dict[str, Any]:
    """The sign-up and, when it matches, the code sent to the contact on file (the QA code)."""
    response = portal.http.post(API + "/signup", json=body)
    assert response.status_code == expect, response.text
    if expect != 200:
        return error_of(response)
    started = response.json()
    assert started["next"]["step"] == "verify_code"
    assert "session" not in started
    proof = {"flow_token": started["flow_token"], "code": "123456"}
    response = portal.http.post(API + "/signup/code", json=proof)
    assert response.status_code == 200, response.text
    portal.token = response.json()["session"]["token"]
    answer: dict[str, Any] = response.json()
    return answer


def finish_journey(portal: Portal, first: dict[str, Any], email: str) -> dict[str, Any]:
    """Terms, password, contact (given here), code: the journey's own steps."""
    assert first["step"] == "accept_terms"
    assert portal.accept_terms()["step"] == "choose_password"
    step = portal.choose_password(PASSWORD)
    assert step["step"] == "confirm_contact"
    assert step["phone"] is None and step["email"] is None
    portal.ok("PUT", "/journey/contact", {"phone": "06 15 00 00 09", "email": email})
    assert portal.confirm("email")["step"] == "verify_code"
    created = portal.verify("123456")
    assert created.status_code == 200, created.text
    step = created.json()["next"]
    assert step["step"] == "account_created"
    return step


def test_lucas_creates_his_account_and_sees_only_what_a_member_may(
    portal: Callable[[], Portal],
) -> None:
    lucas = portal()
    answer = sign_up(lucas, LUCAS)
    created = finish_journey(lucas, answer["next"], "lucas.tadj@example.com")
    assert created["identifier_kind"] == "nir"
    assert created["identifier"] == "1 10 05 99 999 013 58"
    assert lucas.ok("POST", "/journey/account_created/continue")["next"]["step"] == "dashboard"
    board = lucas.ok("GET", "/account/dashboard")
    assert board["role"] == "member"
    assert board["payments"] == []
    allowed = {s["section"] for s in board["sections"] if s["allowed"]}
    assert allowed == {"attestations", "manage_account"}
    assert error_of(lucas.get("/account/payments"))["code"] == "forbidden"
    kinds = [a["kind"] for a in lucas.ok("GET", "/account/attestations")["attestations"]]
    assert kinds == ["situation"]
    assert error_of(lucas.get("/account/authorisations"))["code"] == "forbidden"
    # He logs in with his NIR from now on, and cannot sign up twice.
    again = portal()
    again.login(LUCAS["nir"], PASSWORD)
    assert sign_up(portal(), LUCAS, 409)["code"] == "account_exists"


def test_a_person_with_no_nir_gets_a_temporary_identifier(portal: Callable[[], Portal]) -> None:
    ines = portal()
    answer = sign_up(ines, INES)
    created = finish_journey(ines, answer["next"], "ines.leroy@example.com")
    assert created["identifier_kind"] == "temporary"
    identifier = created["identifier"]
    assert re.fullmatch(r"T\d{8}", identifier)
    acknowledgment = ines.outbox()[0]
    assert acknowledgment["to"] == "ines.leroy@example.com"
    assert f"utilisez votre identifiant provisoire {identifier}" in acknowledgment["body"]
    again = portal()
    body = again.login(identifier, PASSWORD, "temporary").json()
    assert body["next"]["step"] == "account_created"  # not yet acknowledged
    again.ok("POST", "/journey/account_created/continue")
    profile = again.ok("GET", "/account/profile")
    assert (profile["person"]["given_names"], profile["role"]) == ("Inès", "member")
    assert sign_up(portal(), INES, 409)["code"] == "account_exists"


def test_refusals_are_clear(portal: Callable[[], Portal]) -> None:
    session = portal()
    young = sign_up(session, {**INES, "birth_date": "2012-01-15"}, 422)
    assert (young["code"], young["field"]) == ("too_young", "birth_date")
    assert "au moins 16 ans" in young["message"]
    nobody = sign_up(session, {**LUCAS, "given_names": "Luc"}, 422)
    assert nobody["code"] == "identity_no_match"
    assert "aucune personne de ce dossier" in nobody["message"]
    elsewhere = sign_up(session, {**LUCAS, "postal_code": "75001"}, 422)
    assert elsewhere["code"] == "identity_no_match"
    zohra = {
        **LUCAS,
        "given_names": "Zohra",
        "birth_date": "1985-07-03",
        "nir": "285079999901252",
    }
    exists = sign_up(session, zohra, 409)
    assert (exists["code"], exists["field"]) == ("account_exists", "nir")
    bad_nir = sign_up(session, {**LUCAS, "nir": "1 10 05 99 999 013 59"}, 422)
    assert (bad_nir["code"], bad_nir["field"]) == ("invalid_identifier", "nir")
    no_gender = sign_up(session, {k: v for k, v in INES.items() if k != "gender"}, 422)
    assert no_gender["field"] == "gender"
    bad_numero = sign_up(session, {**INES, "numero_allocataire": "12"}, 422)
    assert bad_numero["field"] == "numero_allocataire"
    assert session.token is None
