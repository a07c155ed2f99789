"""``Idempotency-Key`` on the stub: the same key, route and session get the first answer."""

from __future__ import annotations

import hashlib
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx

from caf_stub.personas import KARIM, PAUL
from caf_stub.security import token_digest

from .helpers import API, Portal, error_of
from .journeys import walk_to


def send_code(portal: Portal, key: str | bytes, channel: str = "sms") -> httpx.Response:
    return portal.http.post(
        API + "/journey/confirm_contact",
        json={"channel": channel},
        headers={**portal._headers(), "Idempotency-Key": key},
    )


def sms_count(portal: Portal) -> int:
    return sum(1 for m in portal.outbox() if m["channel"] == "sms")


def test_the_same_key_answers_the_first_answer_and_acts_once(portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    key = str(uuid.uuid4())
    first = send_code(karim, key)
    karim.advance(5)
    second = send_code(karim, key)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second.headers["idempotency-replayed"] == "true"
    assert "idempotency-replayed" not in first.headers
    assert sms_count(karim) == 1


def test_a_new_key_acts_again(portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    send_code(karim, str(uuid.uuid4()))
    again = send_code(karim, str(uuid.uuid4()))
    assert again.status_code == 409  # the person now owes verify_code: the stub acted
    assert error_of(again)["code"] == "step_mismatch"


def test_the_key_is_forgotten_after_ten_minutes(portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    key = str(uuid.uuid4())
    send_code(karim, key)
    karim.advance(601)
    later = send_code(karim, key)
    assert later.status_code == 409
    assert "idempotency-replayed" not in later.headers


def test_a_key_reused_for_another_body_is_refused(portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    key = str(uuid.uuid4())
    send_code(karim, key, "sms")
    other = send_code(karim, key, "email")
    assert other.status_code == 422
    error = error_of(other)
    assert (error["code"], error["field"]) == ("validation_error", "Idempotency-Key")
    assert sms_count(karim) == 1


def test_keys_are_per_session_and_per_route(portal):
    karim, paul = portal(), portal()
    walk_to(karim, KARIM, "accept_terms")
    paul.login_as(PAUL)
    key = str(uuid.uuid4())
    headers = {"Idempotency-Key": key}
    terms = karim.http.post(
        API + "/journey/accept_terms",
        json={"version": "2021-10", "accepted": True},
        headers={**karim._headers(), **headers},
    )
    assert terms.json()["next"]["step"] == "choose_password"
    # Another route under the same key runs (and is refused on its own merits).
    code = send_code(karim, key)
    assert code.status_code == 409 and "idempotency-replayed" not in code.headers
    # Another session under the same key runs too.
    paul_terms = paul.http.post(
        API + "/journey/accept_terms",
        json={"version": "2021-10", "accepted": True},
        headers={**paul._headers(), **headers},
    )
    assert paul_terms.status_code == 409
    assert "idempotency-replayed" not in paul_terms.headers


def test_the_same_request_twice_at_once_acts_once(stub, portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    key = str(uuid.uuid4())
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: send_code(karim, key), range(4)))
    assert [a.status_code for a in answers] == [200] * 4
    assert len({a.content for a in answers}) == 1
    assert sms_count(karim) == 1


def test_a_malformed_key_is_refused(portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    for bad in ("", "x" * 256, "key with spaces", "cl\xe9".encode("latin-1")):
        response = send_code(karim, bad)
        assert response.status_code == 422, bad
        assert error_of(response)["field"] == "Idempotency-Key"
    assert sms_count(karim) == 0


def test_no_token_is_kept_at_rest(stub_factory, portal_on, tmp_path):
    running = stub_factory(db=str(tmp_path / "s.sqlite3"))
    karim = portal_on(running)
    walk_to(karim, KARIM, "confirm_contact")
    send_code(karim, str(uuid.uuid4()))
    token = karim.token
    assert token
    running.stop()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("s.sqlite3*"))
    assert b"idempotent_answers" in raw
    assert token.encode() not in raw


def test_a_key_claimed_by_a_request_a_crash_cut_short_runs_after_the_restart(
    stub_factory, portal_on, stub_engine, tmp_path
):
    db = {"db": str(tmp_path / "s.sqlite3")} if stub_engine == "sqlite" else {}
    running = stub_factory(**db)
    karim = portal_on(running)
    walk_to(karim, KARIM, "confirm_contact")
    key = str(uuid.uuid4())
    assert karim.token
    # What a request holds while it runs: the key claimed, no answer yet. Then the crash.
    ident = (token_digest(karim.token), key, "POST /api/v1/journey/confirm_contact")
    fingerprint = hashlib.sha256(b'{"channel":"sms"}').hexdigest()
    now = running.clock.now()
    assert running.context.store.claim_idempotent_answer(*ident, fingerprint, now, now) is None
    running.stop()

    again = portal_on(stub_factory(db=running.settings.db))
    again.token = karim.token
    retried = send_code(again, key)

    assert retried.status_code == 200, retried.text
    assert "idempotency-replayed" not in retried.headers
    assert sms_count(again) == 1
