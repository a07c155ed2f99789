"""The /_stub QA handles: health, clock, outbox, fixed code, reset, and who may use them."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import httpx

from caf_stub import serve_in_thread
from caf_stub.personas import CLAIRE, KARIM
from caf_stub.settings import StubSettings, control_api_enabled, is_loopback
from caf_stub.testing import START, settings_for_tests

from .helpers import error_of
from .journeys import walk_to


def test_health(stub):
    with httpx.Client(base_url=stub.url, verify=False) as client:
        body = client.get("/_stub/health").json()
    assert body == {"status": "ok", "now": "2026-11-27T09:00:00Z", "frozen": True}


def test_clock_can_be_read_moved_set_and_released(stub):
    with httpx.Client(base_url=stub.url, verify=False) as client:
        assert datetime.fromisoformat(client.get("/_stub/clock").json()["now"]) == START
        moved = client.post("/_stub/clock", json={"advance_seconds": 600}).json()
        assert datetime.fromisoformat(moved["now"]) == START + timedelta(minutes=10)
        target = "2027-01-15T08:30:00+00:00"
        state = client.put("/_stub/clock", json={"now": target}).json()
        assert state == {"now": "2027-01-15T08:30:00Z", "frozen": True}
        assert stub.clock.now() == datetime.fromisoformat(target)
        running = client.put("/_stub/clock", json={"frozen": False}).json()
        assert running["frozen"] is False
        later = datetime.fromisoformat(client.get("/_stub/clock").json()["now"])
        assert later >= datetime.fromisoformat(target)
        client.put("/_stub/clock", json={"frozen": True})
        bad = client.post("/_stub/clock", json={"advance_seconds": "soon"})
        assert error_of(bad)["field"] == "advance_seconds"


def test_outbox_is_filtered_by_the_bearer_token(portal):
    karim, claire = portal(), portal()
    walk_to(karim, KARIM, "verify_code")
    walk_to(claire, CLAIRE, "verify_code", channel="email")
    assert [m["to"] for m in karim.outbox()] == ["+33615000000"]
    assert [m["to"] for m in claire.outbox()] == ["claire.moreau@example.com"]
    everyone = karim.http.get("/_stub/outbox").json()
    assert [m["to"] for m in everyone] == ["claire.moreau@example.com", "+33615000000"]
    assert everyone[0]["id"] > everyone[1]["id"]  # newest first
    stranger = karim.http.get("/_stub/outbox", headers={"Authorization": "Bearer nope"})
    assert error_of(stranger)["code"] == "unauthenticated"
    assert karim.http.delete("/_stub/outbox").status_code == 204
    assert karim.http.get("/_stub/outbox").json() == []


def test_reading_the_outbox_does_not_keep_a_session_alive(portal):
    karim = portal()
    walk_to(karim, KARIM, "verify_code")
    karim.advance(20 * 60)
    karim.outbox()
    karim.advance(11 * 60)
    assert error_of(karim.get("/journey"))["code"] == "session_expired"


def test_random_codes_when_the_fixed_code_is_cleared(portal):
    karim = portal()
    answer = karim.http.put("/_stub/fixed-code", json={"code": None})
    assert answer.json() == {"code": None}
    walk_to(karim, KARIM, "confirm_contact")
    karim.confirm("sms")
    match = re.search(r"(\d{6})", karim.outbox()[0]["body"])
    assert match
    assert karim.verify(match.group(1)).json()["next"]["step"] == "account_created"


def test_another_fixed_code(portal):
    karim = portal()
    assert karim.http.put("/_stub/fixed-code", json={"code": "424242"}).json() == {"code": "424242"}
    walk_to(karim, KARIM, "confirm_contact")
    karim.confirm("sms")
    assert error_of(karim.verify("123456"))["code"] == "otp_invalid"
    assert karim.verify("424242").status_code == 200


def test_a_malformed_fixed_code_is_refused(stub):
    with httpx.Client(base_url=stub.url, verify=False) as client:
        response = client.put("/_stub/fixed-code", json={"code": "12ab"})
    assert response.status_code == 422
    assert error_of(response)["field"] == "code"


def test_reset_restores_the_personas(portal):
    karim = portal()
    walk_to(karim, KARIM, "account_created")
    karim.http.post("/_stub/reset").raise_for_status()
    assert karim.http.get("/_stub/outbox").json() == []
    assert karim.login_as(KARIM)["next"]["step"] == "migration_intro"


def test_control_routes_can_be_switched_off(stub_factory, portal_on):
    running = stub_factory(control_api=False)
    session = portal_on(running)
    response = session.http.get("/_stub/health")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
    assert session.login_as(KARIM)["next"]["step"] == "migration_intro"


def test_openapi_holds_the_contract_only(stub):
    with httpx.Client(base_url=stub.url, verify=False) as client:
        paths = client.get("/openapi.json").json()["paths"]
    assert paths and all(path.startswith("/api/v1/") for path in paths)


def test_control_defaults_to_loopback_only():
    default = StubSettings(db=":memory:")
    assert control_api_enabled(default, "127.0.0.1")
    assert control_api_enabled(default, "::1")
    assert control_api_enabled(default, "localhost")
    assert not control_api_enabled(default, "0.0.0.0")
    assert not control_api_enabled(default, "192.168.1.10")
    assert control_api_enabled(default.model_copy(update={"control_api": True}), "0.0.0.0")
    assert not control_api_enabled(default.model_copy(update={"control_api": False}), "::1")
    assert is_loopback("127.0.0.2") and not is_loopback("example.org")


def test_listening_beyond_loopback_switches_control_off():
    running = serve_in_thread(settings_for_tests(control_api=None), host="0.0.0.0")
    try:
        port = running.url.rsplit(":", 1)[1]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", verify=False) as client:
            assert client.get("/_stub/health").status_code == 404
            assert client.get("/api/v1/journey").status_code == 401
    finally:
        running.stop()
