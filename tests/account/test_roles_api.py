"""Every section is checked by the stub on every request, whatever the app shows."""

from __future__ import annotations

from collections.abc import Callable

from caf_stub.personas import AMINA, KARIM, PAUL, ZOHRA
from tests.stub.helpers import Portal, error_of
from tests.stub.journeys import NEW_PASSWORD, walk_to


def _karim_done(portal: Callable[[], Portal], decision: str = "authorise") -> Portal:
    """Karim after his migration, having decided about Zohra."""
    karim = portal()
    step = walk_to(karim, KARIM, "spouse_authorisation")
    assert step["spouse_name"] == "Zohra TADJ"
    answer = karim.ok("POST", "/journey/spouse_authorisation", {"decision": decision})
    assert answer["next"]["step"] == "dashboard"
    return karim


def test_file_holder_sees_payments_attestations_profile(portal: Callable[[], Portal]) -> None:
    paul = portal()
    paul.login_as(PAUL)
    payments = paul.ok("GET", "/account/payments")
    assert payments["numero_allocataire"] == "3307462"
    assert len(payments["payments"]) == 4
    kinds = [a["kind"] for a in paul.ok("GET", "/account/attestations")["attestations"]]
    assert kinds == ["situation", "paiement", "quotient_familial"]
    profile = paul.ok("GET", "/account/profile")
    assert profile["identifier"] == "1 78 02 99 999 015 71"
    assert profile["role"] == "responsable"
    assert profile["phone"] == "06 15 00 00 03"


def test_spouse_not_authorised_is_refused_payments(portal: Callable[[], Portal]) -> None:
    zohra = portal()
    zohra.login_as(ZOHRA)
    response = zohra.get("/account/payments")
    assert response.status_code == 403
    error = error_of(response)
    assert error["code"] == "forbidden"
    assert "droits et paiements" in error["message"]
    # What a spouse may see without the authorisation.
    assert zohra.ok("GET", "/account/profile")["role"] == "spouse"
    kinds = [a["kind"] for a in zohra.ok("GET", "/account/attestations")["attestations"]]
    assert kinds == ["situation"]
    # Only the file holder manages authorisations.
    assert error_of(zohra.get("/account/authorisations"))["code"] == "forbidden"
    refused = zohra.put("/account/authorisations", {"spouse_authorised": True})
    assert refused.status_code == 403


def test_karim_withdraws_zohras_rights_on_her_next_request(
    portal: Callable[[], Portal],
) -> None:
    karim = _karim_done(portal)
    zohra = portal()
    zohra.login_as(ZOHRA)
    assert zohra.ok("GET", "/account/payments")["payments"]  # authorised: allowed
    state = karim.ok("GET", "/account/authorisations")["spouse"]
    assert state == {
        "spouse_name": "Zohra TADJ",
        "authorised": True,
        "rights": ["consult_rights_payments", "declare_changes", "request_benefit"],
        "decided_at": state["decided_at"],
    }

    withdrawn = karim.ok("PUT", "/account/authorisations", {"spouse_authorised": False})
    assert withdrawn["spouse"]["authorised"] is False
    # Same session, next request: refused.
    response = zohra.get("/account/payments")
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"
    board = zohra.ok("GET", "/account/dashboard")
    assert board["payments"] == []

    karim.ok("PUT", "/account/authorisations", {"spouse_authorised": True})
    assert zohra.get("/account/payments").status_code == 200


def test_single_file_holder_has_no_spouse_to_authorise(portal: Callable[[], Portal]) -> None:
    amina = portal()
    amina.login_as(AMINA)
    assert amina.ok("GET", "/account/authorisations") == {"spouse": None}
    response = amina.put("/account/authorisations", {"spouse_authorised": True})
    assert error_of(response)["code"] == "forbidden"


def test_sections_need_a_session_and_a_finished_journey(portal: Callable[[], Portal]) -> None:
    anonymous = portal()
    for path in ("/account/payments", "/account/profile", "/account/attestations"):
        assert error_of(anonymous.get(path))["code"] == "unauthenticated"
    karim = portal()
    karim.login_as(KARIM)  # migration not done
    assert error_of(karim.get("/account/payments"))["code"] == "step_mismatch"


def test_change_password_then_other_sessions_end(portal: Callable[[], Portal]) -> None:
    paul, other = portal(), portal()
    paul.login_as(PAUL)
    other.login_as(PAUL)
    wrong = paul.post(
        "/account/password",
        {"current_password": "Nope1234", "password": "Autre2026", "confirmation": "Autre2026"},
    )
    assert error_of(wrong)["field"] == "current_password"
    weak = paul.post(
        "/account/password",
        {"current_password": "Leroy1978", "password": "court", "confirmation": "court"},
    )
    assert error_of(weak)["code"] == "password_policy"
    done = paul.ok(
        "POST",
        "/account/password",
        {"current_password": "Leroy1978", "password": NEW_PASSWORD, "confirmation": NEW_PASSWORD},
    )
    assert done == {"ended": 1}
    assert error_of(other.get("/account/profile"))["code"] == "session_expired"
    assert paul.ok("GET", "/account/profile")["role"] == "responsable"
    again = portal()
    again.login(PAUL.identifier, "Leroy1978", expect=401)
    again.login(PAUL.identifier, NEW_PASSWORD)


def test_connections_and_logout_everywhere(portal: Callable[[], Portal]) -> None:
    first, second = portal(), portal()
    first.login_as(PAUL)
    second.login_as(PAUL)
    connections = second.ok("GET", "/account/connections")["connections"]
    assert [c["current"] for c in connections] == [True, False]
    assert all(c["ended_at"] is None for c in connections)
    assert second.ok("POST", "/account/logout_everywhere") == {"ended": 2}
    for session in (first, second):
        assert error_of(session.get("/account/profile"))["code"] == "session_expired"
