"""The QA handles added for the replayer: the next message and its code, faults, the journal."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from caf_stub import RunningStub, serve_in_thread
from caf_stub.journal import redact
from caf_stub.personas import KARIM, PAUL
from caf_stub.testing import settings_for_tests
from tests.conftest import stub_client
from tests.stub.helpers import Portal

KARIM_NEW = "Karim2024"


def karim_to_code(portal: Portal) -> None:
    portal.login_as(KARIM)
    portal.request("POST", "/journey/migration_intro/start")
    version = portal.request("GET", "/journey").json()["next"]["version"]
    portal.request("POST", "/journey/accept_terms", {"version": version, "accepted": True})
    portal.request(
        "POST", "/journey/choose_password", {"password": KARIM_NEW, "confirmation": KARIM_NEW}
    )
    assert portal.request("POST", "/journey/confirm_contact", {"channel": "sms"}).is_success


@pytest.fixture
def portal(stub: RunningStub):
    session = Portal(stub)
    yield session
    session.close()


def test_next_message_returns_the_code_just_sent(stub: RunningStub, portal: Portal) -> None:
    karim_to_code(portal)
    with stub_client(stub) as client:
        answer = client.get("/_stub/outbox/next", params={"channel": "sms", "timeout": 1})
        assert answer.status_code == 200
        assert answer.json()["code"] == "123456"
        assert answer.json()["message"]["channel"] == "sms"
        # Already returned: the next call waits, then says nothing came, in French.
        started = time.monotonic()
        again = client.get("/_stub/outbox/next", params={"channel": "sms", "timeout": 0.3})
        assert again.status_code == 404 and time.monotonic() - started >= 0.3
        assert "Aucun nouveau message (sms)" in again.json()["error"]["message"]


def test_next_message_waits_for_a_message_sent_meanwhile(stub: RunningStub, portal: Portal) -> None:
    sender = threading.Timer(0.3, karim_to_code, args=(portal,))
    sender.start()
    with stub_client(stub) as client:
        answer = client.get("/_stub/outbox/next", params={"channel": "sms", "timeout": 5})
    sender.join()
    assert answer.status_code == 200 and answer.json()["code"] == "123456"


def test_faults_apply_to_the_next_n_matching_requests(stub: RunningStub, portal: Portal) -> None:
    with stub_client(stub) as client:
        added = client.post(
            "/_stub/faults",
            json={"route": "/api/v1/auth/*", "method": "POST", "status": 503, "times": 2},
        )
        assert added.status_code == 200 and added.json()["remaining"] == 2
        assert client.get("/_stub/faults").json()[0]["rule"]["status"] == 503
        for _ in range(2):
            refused = portal.request("POST", "/auth/login", {"identifier": "x", "password": "y"})
            assert refused.status_code == 503
            assert refused.json()["error"]["code"] == "service_unavailable"
            assert "Panne simulée" in refused.json()["error"]["message"]
        assert client.get("/_stub/faults").json() == []
    assert portal.login_as(PAUL)["next"]["step"] == "dashboard"


def test_latency_with_a_distribution(stub: RunningStub, portal: Portal) -> None:
    with stub_client(stub) as client:
        rule = {"distribution": "uniform", "ms": 150, "max_ms": 250}
        client.post("/_stub/faults", json={"route": "/api/v1/journey", "latency": rule})
        started = time.monotonic()
        assert portal.request("GET", "/journey").status_code == 401
        assert 0.15 <= time.monotonic() - started < 2
        bad = client.post(
            "/_stub/faults", json={"route": "/x", "latency": {"distribution": "normal", "ms": 5}}
        )
        assert bad.status_code == 422


def test_a_dropped_connection(stub: RunningStub) -> None:
    with stub_client(stub) as client:
        client.post("/_stub/faults", json={"route": "/api/v1/journey", "drop": True})
        with pytest.raises(httpx.TransportError):
            client.get("/api/v1/journey")
        assert client.get("/api/v1/journey").status_code == 401  # once only
        entries = client.get("/_stub/journal").json()
        assert entries[-2]["status"] is None and entries[-2]["fault"] == "drop"
        client.delete("/_stub/faults")


def test_the_journal_hides_every_secret(stub: RunningStub, portal: Portal) -> None:
    karim_to_code(portal)
    portal.request("POST", "/journey/verify_code", {"code": "123456"})
    with stub_client(stub) as client:
        entries = client.get("/_stub/journal").json()
        text = str(entries)
        assert KARIM.password not in text and KARIM_NEW not in text and "123456" not in text
        login = next(e for e in entries if e["path"] == "/api/v1/auth/login")
        assert login["body"]["password"] == "***" and login["status"] == 200
        assert login["method"] == "POST" and login["duration_ms"] > 0
        assert not any(e["path"].startswith("/_stub") for e in entries)
        assert len(client.get("/_stub/journal", params={"limit": 2}).json()) == 2
        assert client.delete("/_stub/journal").status_code == 204
        assert client.get("/_stub/journal").json() == []


def test_redaction_goes_deep() -> None:
    body = {"a": [{"new_password": "x", "token": "t", "ok": 1}], "confirmation": "c", "code": 1}
    assert redact(body) == {
        "a": [{"new_password": "***", "token": "***", "ok": 1}],
        "confirmation": "***",
        "code": "***",
    }


def test_reset_clears_faults_and_journal(stub: RunningStub) -> None:
    with stub_client(stub) as client:
        client.post("/_stub/faults", json={"route": "/api/v1/*", "status": 500, "times": 9})
        client.get("/api/v1/journey")
        client.post("/_stub/reset").raise_for_status()
        assert client.get("/_stub/faults").json() == []
        assert client.get("/_stub/journal").json() == []


@pytest.mark.parametrize("path", ["/_stub/journal", "/_stub/faults", "/_stub/outbox/next"])
def test_qa_routes_are_refused_beyond_loopback_unless_enabled(path: str) -> None:
    """Listening on every interface, the QA routes exist only when explicitly enabled."""
    closed = serve_in_thread(settings_for_tests(control_api=None), host="0.0.0.0")
    enabled = serve_in_thread(settings_for_tests(control_api=True), host="0.0.0.0")
    params = {"timeout": 0}
    try:
        for server, served in ((closed, False), (enabled, True)):
            port = server.url.rsplit(":", 1)[1]
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
                response = client.get(path, params=params)
            if served and path.endswith("/next"):  # served: says no message came
                assert "Aucun nouveau message" in response.json()["error"]["message"]
            elif served:
                assert response.status_code == 200
            else:
                assert response.status_code == 404
                assert "n'existe pas" in response.json()["error"]["message"]
    finally:
        closed.stop()
        enabled.stop()


def test_the_journal_hides_secrets_in_query_strings_and_paths() -> None:
    """OpenID redirects carry the code and state in the query, the flow id in the path."""
    from caf_stub.app import create_app

    redactor = create_app(settings_for_tests()).state.redactor
    assert redactor.query("code=abc&state=xyz&iss=fc") == "code=***&state=***&iss=fc"
    assert redactor.query("id_token_hint=eyJ.x.y&a=1") == "id_token_hint=***&a=***"
    assert redactor.path("/api/v1/auth/franceconnect/Flow42") == "/api/v1/auth/franceconnect/***"
    assert redactor.path("/api/v1/auth/franceconnect/callback") == (
        "/api/v1/auth/franceconnect/callback"
    )
    assert redactor.path("/fc/short") == "/fc/***"
