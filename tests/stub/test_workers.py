"""``caf-stub --workers N`` on PostgreSQL: concurrency proved over HTTP against real worker
processes, and a multi-worker stub killed mid-journey and restarted keeps every piece of state.

The stub runs as ``python -m caf_stub --workers 2`` (``workers_stub`` of tests/conftest.py,
shared with the flows of tests/replay/test_shared_stub.py and reset before each test), its
workers spawned by uvicorn, on a database of its own of the session's throwaway PostgreSQL
server, with random codes as in life: a test reads the code sent from the outbox. Each request
below goes on a connection of its own, so that the kernel spreads them over the workers.
"""

from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from caf_stub.__main__ import main
from caf_stub.testing import StubProcess
from tests.franceconnect.browser import Browser, poll
from tests.franceconnect.browser import start as start_franceconnect

from .helpers import API, Portal, error_of

CLIENTS = 10
WRONG = "Pas-le-bon-1"

pytestmark = pytest.mark.slow  # a few worker processes start (seconds each on a busy machine)


def fresh_karim(stub: StubProcess) -> dict[str, Any]:
    """A copy of Karim of this test's own (``POST /_stub/personas``)."""
    response = httpx.post(stub.url + "/_stub/personas", json={"from": "karim"})
    assert response.status_code == 201, response.text
    person: dict[str, Any] = response.json()["members"][0]
    return person


def logged_in(stub: StubProcess, person: dict[str, Any]) -> Portal:
    portal = Portal(stub)  # type: ignore[arg-type]  # only its url is used
    portal.login(person["identifier"], person["password"])
    return portal


def at_confirm_contact(stub: StubProcess) -> tuple[Portal, dict[str, Any]]:
    person = fresh_karim(stub)
    portal = logged_in(stub, person)
    portal.start()
    portal.accept_terms()
    portal.choose_password("Nouveau2026")
    assert portal.step()["step"] == "confirm_contact"
    return portal, person


def post_alone(
    stub: StubProcess, token: str, path: str, body: Any, key: str | None = None
) -> httpx.Response:
    """One request on a connection of its own."""
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return httpx.post(stub.url + API + path, json=body, headers=headers, timeout=30)


def messages_to(stub: StubProcess, recipient: str) -> list[dict[str, Any]]:
    outbox: list[dict[str, Any]] = httpx.get(stub.url + "/_stub/outbox").json()
    return [message for message in outbox if message["to"] == recipient]


def at_once(count: int, send: Any) -> list[httpx.Response]:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda _n: send(), range(count)))


def test_more_than_one_worker_on_sqlite_is_refused_in_french(tmp_path, capsys) -> None:
    assert main(["--workers", "2", "--db", str(tmp_path / "s.sqlite3")]) == 2
    error = capsys.readouterr().err
    assert "plus d'un processus demande une base PostgreSQL" in error
    assert "--db postgresql://" in error
    assert not (tmp_path / "s.sqlite3").exists()


def test_the_same_step_with_one_key_from_ten_clients_acts_once_and_sends_one_sms(
    workers_stub: StubProcess,
) -> None:
    portal, person = at_confirm_contact(workers_stub)
    assert portal.token is not None
    key = str(uuid.uuid4())
    token = portal.token

    answers = at_once(
        CLIENTS,
        lambda: post_alone(
            workers_stub, token, "/journey/confirm_contact", {"channel": "sms"}, key
        ),
    )

    assert [answer.status_code for answer in answers] == [200] * CLIENTS
    assert len({answer.content for answer in answers}) == 1
    replayed = [answer for answer in answers if answer.headers.get("idempotency-replayed")]
    assert len(replayed) == CLIENTS - 1
    assert len(messages_to(workers_stub, person["phone"])) == 1
    portal.close()


def test_the_same_step_from_ten_clients_without_a_key_answers_once(
    workers_stub: StubProcess,
) -> None:
    portal, person = at_confirm_contact(workers_stub)
    assert portal.token is not None
    token = portal.token

    answers = at_once(
        CLIENTS,
        lambda: post_alone(workers_stub, token, "/journey/confirm_contact", {"channel": "sms"}),
    )

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200] + [409] * (CLIENTS - 1)
    refused = [answer for answer in answers if answer.status_code == 409]
    assert {error_of(answer)["code"] for answer in refused} == {"step_mismatch"}
    assert len(messages_to(workers_stub, person["phone"])) == 1
    portal.close()


def test_the_client_throttle_holds_across_workers(workers_stub: StubProcess) -> None:
    limit = 20  # client_max_failures, the default
    person = fresh_karim(workers_stub)

    def wrong_login() -> httpx.Response:
        return httpx.post(
            workers_stub.url + API + "/auth/login",
            json={"identifier_kind": "nir", "identifier": person["identifier"], "password": WRONG},
            timeout=30,
        )

    answers = at_once(limit + 10, wrong_login)

    statuses = [answer.status_code for answer in answers]
    assert statuses.count(429) == 10, statuses  # not one password checked past the limit
    assert {error_of(answer)["code"] for answer in answers if answer.status_code == 429} == {
        "too_many_attempts"
    }


FIXED = "424242"
SENDERS = 6


def test_the_fixed_code_set_once_is_every_workers(workers_stub: StubProcess) -> None:
    """``PUT /_stub/fixed-code`` reaches one worker; the codes any worker sends are that one."""
    portals = [at_confirm_contact(workers_stub) for _ in range(SENDERS)]
    set_code = httpx.put(workers_stub.url + "/_stub/fixed-code", json={"code": FIXED})
    assert set_code.json() == {"code": FIXED}
    try:
        with ThreadPoolExecutor(SENDERS) as pool:
            sent = list(
                pool.map(
                    lambda at: post_alone(
                        workers_stub,
                        str(at[0].token),
                        "/journey/confirm_contact",
                        {"channel": "sms"},
                    ),
                    portals,
                )
            )
        assert [answer.json()["next"]["step"] for answer in sent] == ["verify_code"] * SENDERS
        bodies = [messages_to(workers_stub, person["phone"])[-1]["body"] for _, person in portals]
        assert [re.findall(r"\b\d{6}\b", body) for body in bodies] == [[FIXED]] * SENDERS
    finally:
        httpx.put(workers_stub.url + "/_stub/fixed-code", json={"code": None})


def test_a_killed_multi_worker_stub_restarted_keeps_every_piece_of_state(
    workers_stub: StubProcess,
) -> None:
    portal, person = at_confirm_contact(workers_stub)
    assert portal.token is not None
    token, key = portal.token, str(uuid.uuid4())
    sent = post_alone(workers_stub, token, "/journey/confirm_contact", {"channel": "sms"}, key)
    assert sent.json()["next"]["step"] == "verify_code"
    control = httpx.Client(base_url=workers_stub.url, timeout=30)
    clock = control.post("/_stub/clock", json={"advance_seconds": 90}).json()
    fault = {"route": "/api/v1/account/dashboard", "times": 3, "status": 503}
    control.post("/_stub/faults", json=fault).raise_for_status()
    taken = control.get(
        "/_stub/outbox/next", params={"to": person["phone"], "consumer": "qa-1", "timeout": 5}
    )
    code = taken.json()["code"]
    franceconnect = start_franceconnect(control)
    browser = Browser(workers_stub)  # type: ignore[arg-type]  # only its url is used
    consent = browser.sign_in_to_consent(franceconnect["authorize_url"])
    journal = control.get("/_stub/journal").json()
    for _ in range(20):  # the client's window of failed secrets, full
        post_alone(
            workers_stub,
            "-",
            "/auth/login",
            {"identifier_kind": "nir", "identifier": person["identifier"], "password": WRONG},
        )
    control.close()

    workers_stub.kill()
    workers_stub.start()

    with httpx.Client(base_url=workers_stub.url, timeout=30) as after:
        assert after.get("/_stub/clock").json() == clock
        faults = after.get("/_stub/faults").json()
        assert [(f["rule"]["route"], f["rule"]["status"], f["remaining"]) for f in faults] == [
            ("/api/v1/account/dashboard", 503, 3)
        ]
        assert after.get("/_stub/journal").json()[: len(journal)] == journal
        # The consumer's place: the code it took is not given again.
        again = after.get(
            "/_stub/outbox/next", params={"to": person["phone"], "consumer": "qa-1", "timeout": 0}
        )
        assert again.status_code == 404
        # The throttle: still full.
        throttled = after.post(
            API + "/auth/login",
            json={"identifier_kind": "nir", "identifier": person["identifier"], "password": WRONG},
        )
        assert throttled.status_code == 429
    # The journey resumes at its step, in the same session, and the key answers the same.
    assert portal.step()["step"] == "verify_code"
    replay = post_alone(workers_stub, token, "/journey/confirm_contact", {"channel": "sms"}, key)
    assert replay.content == sent.content
    assert replay.headers["idempotency-replayed"] == "true"
    assert len(messages_to(workers_stub, person["phone"])) == 1
    assert portal.verify(code).json()["next"]["step"] == "account_created"
    portal.close()
    # The FranceConnect sign-in started before goes on: consent, the code exchanged between
    # the portal and the provider (whatever worker answers each), the flow completed.
    redirect = browser.decide(consent, "accept")
    assert browser.open(redirect.headers["location"]).status_code == 200
    with httpx.Client(base_url=workers_stub.url, timeout=30) as api:
        signed_in = poll(api, franceconnect["flow_id"])
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["session"]["token"]
    browser.close()
