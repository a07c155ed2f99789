"""No password, code or token in the logs or in the database (the outbox aside)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import httpx

from caf_stub.personas import KARIM
from tests.franceconnect.browser import Browser, callback_params, poll
from tests.franceconnect.browser import start as start_franceconnect

from .journeys import walk_to

PASSWORD = "Secret2026Xy"
CODE = "908172"


def _karim_migrates(session, password: str = PASSWORD) -> None:
    session.http.put("/_stub/fixed-code", json={"code": CODE}).raise_for_status()
    walk_to(session, KARIM, "choose_password")
    body = {"password": password, "confirmation": password}
    session.ok("POST", "/journey/choose_password", body)
    session.confirm("sms")
    session.verify("000000")  # a wrong try, logged as such
    assert session.verify(CODE).status_code == 200
    session.ok("POST", "/journey/account_created/continue")


def test_no_secret_in_the_logs(portal, caplog):
    caplog.set_level(logging.DEBUG)
    karim = portal()
    _karim_migrates(karim)
    token = karim.token
    assert token
    karim.logout()
    text = caplog.text
    assert "logged in" in text and "migrated" in text  # the server thread's logs are captured
    for secret in (PASSWORD, KARIM.password, CODE, token):
        assert secret and secret not in text


def test_no_secret_at_rest(stub_factory, portal_on, tmp_path):
    db = tmp_path / "stub.sqlite3"
    running = stub_factory(db=str(db), cheapest_hashes=False)  # the portal's own cost
    karim = portal_on(running)
    _karim_migrates(karim)
    token = karim.token
    assert token

    with sqlite3.connect(db) as conn:
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM accounts")]
        codes = [row[0] for row in conn.execute("SELECT code_hash FROM codes")]
        audit = " ".join(str(row) for row in conn.execute("SELECT * FROM audit"))
        sessions = [row[0] for row in conn.execute("SELECT token_hash FROM sessions")]
    assert all(h.startswith("$argon2id$v=19$m=7168,t=5,p=1$") for h in hashes if h)
    assert codes and all(c.startswith("$argon2id$") for c in codes)
    assert all(len(s) == 64 for s in sessions)
    for secret in (PASSWORD, CODE, token):
        assert secret not in audit
    running.stop()
    # Scan every byte the database left on disk: no password, no token (the code only
    # appears in the outbox, the simulated phone).
    raw = b"".join(p.read_bytes() for p in Path(tmp_path).glob("stub.sqlite3*"))
    assert PASSWORD.encode() not in raw
    assert (KARIM.password or "").encode() not in raw
    assert token.encode() not in raw


def test_the_suite_s_stubs_hash_at_argon2_s_smallest_cost(stub_factory, portal_on, tmp_path):
    """settings_for_tests: every hash at t=1, m=8 KiB (the personas seeded, the password chosen
    by an endpoint that runs in the thread pool, the code sent), each checked as any other."""
    db = tmp_path / "stub.sqlite3"
    running = stub_factory(db=str(db))
    karim = portal_on(running)
    _karim_migrates(karim)
    karim.logout()
    assert karim.login(KARIM.identifier, PASSWORD).status_code == 200
    with sqlite3.connect(db) as conn:
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM accounts")]
        codes = [row[0] for row in conn.execute("SELECT code_hash FROM codes")]
    cheapest = "$argon2id$v=19$m=8,t=1,p=1$"
    assert len([h for h in hashes if h]) > 3 and all(h.startswith(cheapest) for h in hashes if h)
    assert codes and all(c.startswith(cheapest) for c in codes)
    running.stop()


def test_no_franceconnect_code_or_token_at_rest(stub_factory, tmp_path):
    """The sign-ins under way are in the database (workers share them), their codes and
    tokens by their digests only; the client secret and ID tokens never."""
    db = tmp_path / "stub.sqlite3"
    running = stub_factory(db=str(db))
    browser = Browser(running)
    with httpx.Client(base_url=running.url, timeout=10) as api:
        flow = start_franceconnect(api)
        redirect = browser.decide(browser.sign_in_to_consent(flow["authorize_url"]), "accept")
        code = callback_params(redirect)["code"]
        browser.open(redirect.headers["location"])
        session = poll(api, flow["flow_id"]).json()["session"]["token"]
    browser.close()
    running.stop()

    raw = b"".join(p.read_bytes() for p in Path(tmp_path).glob("stub.sqlite3*"))
    with sqlite3.connect(db) as conn:
        (kept,) = conn.execute("SELECT state FROM franceconnect_state").fetchone()
    assert flow["flow_id"] not in kept and '"status":"delivered"' in kept  # the flow is there
    fc_state = running.app.state.franceconnect
    id_tokens = list(fc_state.id_tokens_by_session.values())
    assert id_tokens
    for secret in (code, flow["flow_id"], session, fc_state.client_secret, *id_tokens):
        assert secret.encode() not in raw
