"""« Mot de passe oublié ? » directly against the stub's API."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from caf_stub.personas import CLAIRE, PAUL
from tests.stub.helpers import Portal, error_of

UNKNOWN = "199019999909909"  # well formed, no account


def start(portal: Portal, identifier: str, kind: str = "nir") -> dict[str, Any]:
    return portal.ok("POST", "/recovery", {"identifier_kind": kind, "identifier": identifier})


def test_known_and_unknown_identifiers_get_the_same_answer(
    portal: Callable[[], Portal],
) -> None:
    session = portal()

    def fastest(identifier: str) -> tuple[dict[str, Any], float]:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            answer = start(session, identifier)
            times.append(time.perf_counter() - began)
        return answer, min(times)

    known, known_seconds = fastest(CLAIRE.identifier)
    unknown, unknown_seconds = fastest(UNKNOWN)
    assert known.pop("flow_token") != unknown.pop("flow_token")
    assert known == unknown
    assert known["next"]["step"] == "recovery_code"
    assert "destination" not in known["next"]
    # Both hash once: no shortcut for an unknown identifier (loose bound for busy machines).
    assert unknown_seconds > known_seconds / 3
    # Only the real account got a message.
    messages = session.outbox()
    assert {m["to"] for m in messages} == {"+33615000001"}
    assert "123456" in messages[0]["body"]
    unknown_flow = session.post("/recovery/code", {"flow_token": "x", "code": "000000"})
    assert error_of(unknown_flow)["code"] == "flow_expired"


def test_unknown_identifier_fails_the_code_like_a_wrong_code(
    portal: Callable[[], Portal],
) -> None:
    session = portal()
    known = start(session, CLAIRE.identifier)["flow_token"]
    unknown = start(session, UNKNOWN)["flow_token"]
    wrong = error_of(session.post("/recovery/code", {"flow_token": known, "code": "000000"}))
    ghost = error_of(session.post("/recovery/code", {"flow_token": unknown, "code": "123456"}))
    assert wrong == ghost
    assert wrong["code"] == "otp_invalid"
    assert wrong["attempts_left"] == 4


def test_claire_chooses_a_new_password_and_other_sessions_end(
    portal: Callable[[], Portal],
) -> None:
    before = portal()
    before.login_as(CLAIRE)
    assert before.get("/journey").status_code == 200
    session = portal()
    token = start(session, CLAIRE.identifier)["flow_token"]
    early = session.post(
        "/recovery/password",
        {"flow_token": token, "password": "Claire2026", "confirmation": "Claire2026"},
    )
    assert error_of(early)["code"] == "step_mismatch"
    step = session.ok("POST", "/recovery/code", {"flow_token": token, "code": "123456"})["next"]
    assert step["step"] == "recovery_password"
    assert step["legacy_resend_offered"] is True
    weak = session.post(
        "/recovery/password", {"flow_token": token, "password": "abc", "confirmation": "abc"}
    )
    assert error_of(weak)["code"] == "password_policy"
    done = session.ok(
        "POST",
        "/recovery/password",
        {"flow_token": token, "password": "Claire2026", "confirmation": "Claire2026"},
    )
    assert done["next"] == {"step": "login", "progress": None}
    assert error_of(before.get("/journey"))["code"] == "session_expired"
    again = session.post(
        "/recovery/password",
        {"flow_token": token, "password": "Claire2027", "confirmation": "Claire2027"},
    )
    assert error_of(again)["code"] == "flow_expired"  # a flow serves once
    fresh = portal()
    fresh.login(CLAIRE.identifier, "92014321", expect=401)
    assert fresh.login(CLAIRE.identifier, "Claire2026").json()["next"]["step"] == (
        "migration_intro"
    )


def test_claire_asks_for_her_eight_digit_password_again(portal: Callable[[], Portal]) -> None:
    session = portal()
    token = start(session, CLAIRE.identifier)["flow_token"]
    session.ok("POST", "/recovery/code", {"flow_token": token, "code": "123456"})
    answer = session.ok("POST", "/recovery/legacy_resend", {"flow_token": token})
    assert answer["next"]["step"] == "login"
    body = session.outbox()[0]["body"]
    match = re.search(r"à 8 chiffres : (\d{8})", body)
    assert match is not None
    portal().login(CLAIRE.identifier, match.group(1))


def test_migrated_account_gets_no_legacy_resend(portal: Callable[[], Portal]) -> None:
    session = portal()
    token = start(session, PAUL.identifier)["flow_token"]
    step = session.ok("POST", "/recovery/code", {"flow_token": token, "code": "123456"})["next"]
    assert step["legacy_resend_offered"] is False
    refused = session.post("/recovery/legacy_resend", {"flow_token": token})
    assert error_of(refused)["code"] == "forbidden"


def test_the_code_expires_and_tries_are_bounded(portal: Callable[[], Portal]) -> None:
    session = portal()
    token = start(session, CLAIRE.identifier)["flow_token"]
    for left in (4, 3, 2, 1, 0):
        error = error_of(session.post("/recovery/code", {"flow_token": token, "code": "999999"}))
        assert error["attempts_left"] == left
    error = error_of(session.post("/recovery/code", {"flow_token": token, "code": "123456"}))
    assert error["code"] == "otp_attempts_exceeded"
    token = start(session, CLAIRE.identifier)["flow_token"]
    session.advance(601)
    error = error_of(session.post("/recovery/code", {"flow_token": token, "code": "123456"}))
    assert error["code"] == "otp_expired"


def test_malformed_identifier_is_named(portal: Callable[[], Portal]) -> None:
    response = portal().post("/recovery", {"identifier_kind": "nir", "identifier": "123"})
    error = error_of(response)
    assert (error["code"], error["field"]) == ("invalid_identifier", "identifier")
