"""Bad input on every new field: a 422 in the one error shape, the field named, a French
message saying how to fix it; never a 500, and nothing recorded. Sent as Paul, a file holder
migrated before the seed: logged in, he is at the dashboard (Karim would first walk his
migration, seven requests and three argon2 hashes, for each of the cases)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rights.conftest import MOVE
from tests.stub.helpers import Portal, error_of

ADDRESS = "/account/declarations/address"
SITUATION = "/account/declarations/family_situation"
PRIME = "/account/benefits/prime_activite/requests"
GOOD_PRIME = {"activity_income": "1200", "household_size": "2", "other_income": "oui"}

CASES: list[tuple[str, dict[str, Any], str, str]] = [
    (ADDRESS, {**MOVE, "street": "  "}, "street", "Saisissez le numéro et la voie"),
    (ADDRESS, {**MOVE, "street": "12"}, "street", "numéro et le nom de la voie"),
    (ADDRESS, {**MOVE, "street": "12 rue <b>"}, "street", "ne peut contenir que"),
    (ADDRESS, {**MOVE, "street": "x" * 121}, "street", "trop long"),
    (ADDRESS, {**MOVE, "postal_code": "9310"}, "postal_code", "5 chiffres"),
    (ADDRESS, {**MOVE, "postal_code": "00000"}, "postal_code", "n'existe pas"),
    (ADDRESS, {**MOVE, "commune": "Lyon"}, "commune", "« Montreuil »"),
    (ADDRESS, {**MOVE, "commune": ""}, "commune", "Saisissez la commune"),
    (ADDRESS, {**MOVE, "moved_on": "32/13/2026"}, "moved_on", "JJ/MM/AAAA"),
    (ADDRESS, {**MOVE, "moved_on": "01/12/2026"}, "moved_on", "dans le futur"),
    (ADDRESS, {**MOVE, "moved_on": "01/01/1990"}, "moved_on", "plus de 2 ans"),
    (ADDRESS, {k: v for k, v in MOVE.items() if k != "commune"}, "commune", "obligatoire"),
    (ADDRESS, {**MOVE, "postal_code": 93100}, "postal_code", "n'est pas valide"),
    (SITUATION, {"situation": "divorce", "since": "01/11/2026"}, "situation", "valeurs"),
    (SITUATION, {"situation": "separation", "since": "hier"}, "since", "JJ/MM/AAAA"),
    (SITUATION, {"situation": "separation", "since": "01/01/2000"}, "since", "plus de 5 ans"),
    (
        PRIME,
        {"answers": {**GOOD_PRIME, "activity_income": "beaucoup"}},
        "activity_income",
        "en euros",
    ),
    (PRIME, {"answers": {**GOOD_PRIME, "activity_income": "99999"}}, "activity_income", "dépasser"),
    (PRIME, {"answers": {**GOOD_PRIME, "household_size": "0"}}, "household_size", "de 1 à 15"),
    (PRIME, {"answers": {**GOOD_PRIME, "other_income": "peut-être"}}, "other_income", "« oui »"),
    (PRIME, {"answers": {**GOOD_PRIME, "household_size": ""}}, "household_size", "Répondez"),
    (PRIME, {"answers": {**GOOD_PRIME, "colour": "bleu"}}, "colour", "n'existe pas"),
    (PRIME, {"answers": {**GOOD_PRIME, "household_size": "9" * 65}}, "household_size", "trop long"),
    (PRIME, {"answers": "tout"}, "answers", "n'est pas valide"),
]


@pytest.mark.parametrize(("path", "body", "field", "words"), CASES)
def test_bad_input_names_the_field(
    paul: Portal, path: str, body: dict[str, Any], field: str, words: str
) -> None:
    response = paul.post(path, body)
    summary = paul.post(
        path.replace("/requests", "/summary") if "benefits" in path else path + "/summary", body
    )
    for answer in (response, summary):
        assert answer.status_code == 422, answer.text
        error = error_of(answer)
        assert error["code"] == "validation_error"
        assert error["field"] == field
        assert words in error["message"]
    board = paul.ok("GET", "/account/dashboard")
    assert board["declarations"] == [] and board["benefit_requests"] == []


def test_unknown_benefit_and_attestation_kind(paul: Portal) -> None:
    unknown = paul.post("/account/benefits/loto/requests", {"answers": GOOD_PRIME})
    assert unknown.status_code == 404
    assert "prime_activite" in error_of(unknown)["message"]
    for response in (
        paul.get("/account/attestations/diplome/pdf"),
        paul.post("/account/attestations/diplome/send"),
    ):
        assert response.status_code == 422
        assert error_of(response)["field"] == "kind"
