"""The spouse's rights one by one, enforced by the server on every request (issue 18 point 4)."""

from __future__ import annotations

from caf_stub.personas import ZOHRA
from tests.rights.conftest import MOVE
from tests.stub.helpers import Portal, error_of

ANSWERS = {"activity_income": "1 250,50", "household_size": "3", "other_income": "non"}


def _allowed(session: Portal) -> set[str]:
    board = session.ok("GET", "/account/dashboard")
    return {s["section"] for s in board["sections"] if s["allowed"]}


def test_zohra_granted_declare_only_declares_a_move_but_not_a_benefit(
    karim: Portal, zohra: Portal
) -> None:
    assert error_of(zohra.post("/account/declarations/address", MOVE))["code"] == "forbidden"
    state = karim.ok(
        "PUT", "/account/authorisations", {"spouse_authorised": True, "rights": ["declare_changes"]}
    )["spouse"]
    assert state["authorised"] is True
    assert state["rights"] == ["declare_changes"]
    assert _allowed(zohra) == {"declare_change", "attestations", "manage_account"}

    receipt = zohra.ok("POST", "/account/declarations/address", MOVE)
    assert receipt["reference"].startswith("DC-20261127-")
    assert receipt["emailed_to"] == ZOHRA.email

    payments = zohra.get("/account/payments")  # its message, older, names the roles only
    assert payments.status_code == 403
    assert "responsable du dossier" in error_of(payments)["message"]
    for refused in (
        zohra.get("/account/benefits"),
        zohra.post("/account/benefits/prime_activite/requests", {"answers": ANSWERS}),
        zohra.get("/account/attestations/paiement/pdf"),
    ):
        assert refused.status_code == 403
        error = error_of(refused)
        assert error["code"] == "forbidden"
        assert "responsable du dossier" in error["message"]
        assert "Karim TADJ" in error["message"]  # who can give her the right
    benefit_refusal = error_of(zohra.get("/account/benefits"))["message"]
    assert "« demander une prestation »" in benefit_refusal

    # Withdrawn: her very next declaration is refused, in the same session.
    karim.ok("PUT", "/account/authorisations", {"spouse_authorised": False})
    again = zohra.post(
        "/account/declarations/family_situation", {"situation": "separation", "since": "01/11/2026"}
    )
    assert again.status_code == 403
    assert "« déclarer des changements »" in error_of(again)["message"]
    assert _allowed(zohra) == {"attestations", "manage_account"}


def test_each_right_alone_and_all_three(karim: Portal, zohra: Portal) -> None:
    karim.ok(
        "PUT", "/account/authorisations", {"spouse_authorised": True, "rights": ["request_benefit"]}
    )
    assert zohra.get("/account/benefits").status_code == 200
    assert zohra.post("/account/declarations/address", MOVE).status_code == 403
    assert zohra.get("/account/payments").status_code == 403
    state = karim.ok("PUT", "/account/authorisations", {"spouse_authorised": True})["spouse"]
    assert state["rights"] == ["consult_rights_payments", "declare_changes", "request_benefit"]
    assert _allowed(zohra) == {
        "rights_payments",
        "declare_change",
        "request_benefit",
        "attestations",
        "manage_account",
    }
    empty = karim.put("/account/authorisations", {"spouse_authorised": True, "rights": []})
    assert empty.status_code == 422
    assert error_of(empty)["field"] == "rights"
    bad = karim.put("/account/authorisations", {"spouse_authorised": True, "rights": ["fly"]})
    assert bad.status_code == 422
    assert error_of(bad)["field"] == "rights"


def test_lucas_is_refused_every_file_right_with_who_can(lucas: Portal) -> None:
    requests = [
        lucas.get("/account/declarations"),
        lucas.post("/account/declarations/address/summary", MOVE),
        lucas.post("/account/declarations/address", MOVE),
        lucas.post(
            "/account/declarations/family_situation",
            {"situation": "couple", "since": "01/11/2026"},
        ),
        lucas.get("/account/benefits"),
        lucas.post("/account/benefits/prime_activite/summary", {"answers": ANSWERS}),
        lucas.post("/account/benefits/prime_activite/requests", {"answers": ANSWERS}),
        lucas.get("/account/attestations/paiement/pdf"),
        lucas.post("/account/attestations/quotient_familial/send"),
    ]
    for response in requests:
        assert response.status_code == 403, response.request.url
        message = error_of(response)["message"]
        assert message.startswith("Seul(e) le ou la responsable du dossier, ou son conjoint(e)")
        assert "demandez à Karim TADJ, responsable du dossier" in message
    # What a member may have: his own situation attestation.
    own = lucas.get("/account/attestations/situation/pdf")
    assert own.status_code == 200
    assert own.headers["content-type"] == "application/pdf"
