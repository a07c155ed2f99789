"""« Mot de passe oublié ? » (defect 2 of issue 13), over HTTP: wrong codes counted per
identifier across flows and per client, requests throttled, no code past the send limit."""

from __future__ import annotations

from typing import Any

from caf_stub.personas import CLAIRE, PAUL
from tests.stub.helpers import Portal, error_of

from .helpers import portal, portal_on, unknown_nir

FIXTURES = (portal, portal_on)  # the stub tests' fixtures, used by name below
QA_CODE = "123456"  # the shared stub's fixed code: what a lucky guess would be


def start(session: Portal, identifier: str) -> tuple[int, dict[str, Any]]:
    response = session.post("/recovery", {"identifier_kind": "nir", "identifier": identifier})
    return response.status_code, response.json()


def attack(session: Portal, identifier: str) -> tuple[list[int], list[str]]:
    """Open 20 flows for ``identifier`` and try wrong codes in each until refused; returns the
    statuses of the starts and the error code of every code tried."""
    starts: list[int] = []
    codes: list[str] = []
    for n in range(20):
        status, body = start(session, identifier)
        starts.append(status)
        if status != 200:
            assert error_of_body(body)["code"] == "too_many_attempts"
            continue
        for guess in range(10):
            code = f"{n:03d}{guess:03d}"
            answer = session.post(
                "/recovery/code", {"flow_token": body["flow_token"], "code": code}
            )
            codes.append(error_of(answer)["code"])
            if codes[-1] != "otp_invalid":
                break
    return starts, codes


def error_of_body(body: dict[str, Any]) -> dict[str, Any]:
    error: dict[str, Any] = body["error"]
    assert error["message"] and error.get("retry_after")
    return error


def test_twenty_recovery_flows_for_paul_stop_at_the_cap(portal):
    attacker: Portal = portal()
    settings = attacker.running.settings
    starts, codes = attack(attacker, PAUL.identifier)
    # Past the send limit the request is refused: no flow, no code, nothing to guess.
    assert starts.count(200) == settings.max_sends_per_hour
    assert set(starts[settings.max_sends_per_hour :]) == {429}
    paul_messages = [m for m in attacker.outbox() if m["to"] == PAUL.phone]
    assert len(paul_messages) == settings.max_sends_per_hour
    # Wrong codes are counted for Paul across all the flows, not afresh in each: 5 codes
    # checked in all (not 5 per flow), then every flow refuses before any check.
    assert codes.count("otp_invalid") == settings.max_code_attempts
    assert set(codes[settings.max_code_attempts :]) == {"otp_attempts_exceeded"}


def test_a_new_request_does_not_give_new_code_tries(portal):
    attacker: Portal = portal()
    tries = attacker.running.settings.max_code_attempts
    _status, first = start(attacker, PAUL.identifier)
    for n in range(tries):
        wrong = attacker.post(
            "/recovery/code", {"flow_token": first["flow_token"], "code": f"99999{n}"}
        )
        assert error_of(wrong)["code"] == "otp_invalid"
    _status, second = start(attacker, PAUL.identifier)
    assert second["next"]["attempts_left"] == 0
    # The code this new request sent (the QA code) does not work either: the cap holds.
    refused = attacker.post("/recovery/code", {"flow_token": second["flow_token"], "code": QA_CODE})
    error = error_of(refused)
    assert error["code"] == "otp_attempts_exceeded"
    assert error["retry_after"] > 0
    assert "réessayez dans" in error["message"]


def test_the_withheld_code_does_not_exist(portal):
    """Past the send limit nothing is « withheld but valid »: the request is refused before a
    flow or a code is made, so the QA code (which a lucky guess would be) opens nothing."""
    attacker: Portal = portal()
    limit = attacker.running.settings.max_sends_per_hour
    for _ in range(limit):
        assert start(attacker, CLAIRE.identifier)[0] == 200
    status, body = start(attacker, CLAIRE.identifier)
    assert status == 429
    assert "flow_token" not in body
    assert error_of_body(body)["code"] == "too_many_attempts"


def test_the_caps_answer_an_unknown_identifier_the_same(portal):
    """The bounds are per identifier typed, known or not: they tell nothing."""
    attacker: Portal = portal()
    known = attack(attacker, PAUL.identifier)
    unknown = attack(attacker, unknown_nir(7))
    assert known == unknown


def test_recovery_requests_are_throttled_per_client(portal):
    attacker: Portal = portal()
    answers = [start(attacker, unknown_nir(n))[0] for n in range(11)]
    assert answers == [200] * 10 + [429]
    _status, body = start(attacker, PAUL.identifier)
    assert "depuis cet appareil" in error_of_body(body)["message"]


def test_wrong_recovery_codes_share_the_client_window(stub_factory, portal_on):
    running = stub_factory(client_max_failures=3)
    attacker: Portal = portal_on(running)
    statuses = []
    for persona in (PAUL, CLAIRE):
        _status, body = start(attacker, persona.identifier)
        for n in range(2):
            code = {"flow_token": body["flow_token"], "code": f"00000{n}"}
            statuses.append(attacker.post("/recovery/code", code).status_code)
    assert statuses == [422, 422, 422, 429]
    assert error_of(attacker.login(PAUL.identifier, "Wrong12345", expect=429))["retry_after"]
