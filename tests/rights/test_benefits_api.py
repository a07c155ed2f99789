"""« Faire une demande de prestation » over HTTP (issue 18 point 2)."""

from __future__ import annotations

from tests.stub.helpers import Portal, error_of

PRIME = {"activity_income": "1 250,50", "household_size": "3", "other_income": "non"}


def test_the_benefits_and_their_questions_are_data(karim: Portal) -> None:
    benefits = karim.ok("GET", "/account/benefits")["benefits"]
    assert [b["id"] for b in benefits] == ["prime_activite", "allocation_rentree_scolaire"]
    questions = benefits[0]["questions"]
    assert [(q["id"], q["kind"], q["rule"]) for q in questions] == [
        ("activity_income", "amount_euros", "parse_amount_euros"),
        ("household_size", "count", "parse_count"),
        ("other_income", "yes_no", "parse_yes_no"),
    ]
    assert all(q["label"] for q in questions)


def test_a_request_is_acknowledged_then_refused_while_pending(karim: Portal) -> None:
    summary = karim.ok("POST", "/account/benefits/prime_activite/summary", {"answers": PRIME})
    assert summary["lines"] == [
        {"label": "Prestation", "value": "Prime d'activité"},
        {"label": "Vos revenus d'activité du mois dernier", "value": "1250,50 €"},
        {"label": "Le nombre de personnes du foyer", "value": "3"},
        {"label": "Percevez-vous d'autres ressources (chômage, pension) ?", "value": "Non"},
    ]
    assert karim.ok("GET", "/account/dashboard")["benefit_requests"] == []
    receipt = karim.ok("POST", "/account/benefits/prime_activite/requests", {"answers": PRIME})
    assert receipt["reference"] == "PR-20261127-00001"
    assert receipt["status"] == "pending"
    assert receipt["title"] == "Demande de prime d'activité"
    board = karim.ok("GET", "/account/dashboard")
    assert [r["reference"] for r in board["benefit_requests"]] == [receipt["reference"]]
    assert karim.outbox()[0]["subject"] == "Accusé de réception : Demande de prime d'activité"

    again = karim.post("/account/benefits/prime_activite/requests", {"answers": PRIME})
    assert again.status_code == 409
    error = error_of(again)
    assert error["code"] == "already_pending"
    assert "déjà en cours d'examen" in error["message"]
    assert receipt["reference"] in error["message"]
    assert len(karim.ok("GET", "/account/dashboard")["benefit_requests"]) == 1

    other = {"school_children": "2", "household_income": "24000"}
    assert (
        karim.post(
            "/account/benefits/allocation_rentree_scolaire/requests", {"answers": other}
        ).status_code
        == 200
    )
