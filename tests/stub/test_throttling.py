"""Password guessing, throttled: growing locks, at most 100 failures in a row per account,
a sliding window per client, and unknown identifiers that answer exactly as known ones."""

from __future__ import annotations

import statistics
import time
from datetime import datetime, timedelta

from backend_stub.personas import CLAIRE, PAUL, ZOHRA
from backend_stub.testing import START
from caf_tui import rules

from .helpers import Portal, error_of

UNKNOWN = rules.normalise_nir("1990599999099")  # well formed, nobody has it
WRONG = "Wrong12345"


def fail(portal: Portal, identifier: str) -> tuple[int, dict[str, object]]:
    response = portal.login(identifier, WRONG, expect=None)
    return response.status_code, error_of(response)


def test_each_lock_lasts_twice_as_long_as_the_one_before(portal):
    session = portal()
    expected_minutes = [15, 30, 60, 120]
    for minutes in expected_minutes:
        for _ in range(4):
            assert fail(session, CLAIRE.identifier)[0] == 401
        status, error = fail(session, CLAIRE.identifier)
        assert status == 423
        until = datetime.fromisoformat(str(error["locked_until"]))
        assert until == session.advance(0) + timedelta(minutes=minutes)
        session.advance(minutes * 60)
    # A success starts everything afresh: the next lock is 15 minutes again.
    session.login_as(CLAIRE)
    for _ in range(4):
        fail(session, CLAIRE.identifier)
    status, error = fail(session, CLAIRE.identifier)
    until = datetime.fromisoformat(str(error["locked_until"]))
    assert until == session.advance(0) + timedelta(minutes=15)


def fail_until_blocked(session: Portal, identifiers: list[str]) -> tuple[int, dict[str, object]]:
    """Fail with every identifier in turn, waiting out each lock, until a lock with no end;
    every identifier answers the same each time. Returns that last answer and checks that it
    came with the ``max_consecutive_failures``-th failed password check."""
    checks = 0
    while True:
        answers = [fail(session, identifier) for identifier in identifiers]
        assert all(answer == answers[0] for answer in answers)  # status and body, locks too
        status, error = answers[0]
        if status == 401:
            checks += 1
        elif error.get("locked_until"):
            checks += 1 if session.advance(0) == _locked_at(error) else 0
            session.advance(61)
        else:
            return checks + 1, error


def test_no_more_than_100_failures_in_a_row(stub_factory, portal_on):
    # Short locks so that the test waits them out quickly; the 100 is the default.
    running = stub_factory(client_max_failures=10_000, lock_minutes=1, max_lock_minutes=1)
    assert running.settings.max_consecutive_failures == 100
    session = portal_on(running)
    checks, error = fail_until_blocked(session, [PAUL.identifier])
    assert checks == 100
    assert (error["code"], error["locked_until"]) == ("account_locked", None)
    assert "Mot de passe oublié" in str(error["message"])
    # Even the right password is refused now, and no wait helps.
    session.advance(7 * 24 * 3600)
    refused = session.login(PAUL.identifier, PAUL.password or "", expect=423)
    assert error_of(refused)["locked_until"] is None


def test_unknown_identifiers_answer_like_known_ones_to_the_end(stub_factory, portal_on):
    running = stub_factory(
        client_max_failures=10_000, lock_minutes=1, max_lock_minutes=1, max_consecutive_failures=12
    )
    session = portal_on(running)
    checks, error = fail_until_blocked(session, [PAUL.identifier, UNKNOWN])
    assert checks == 12
    assert error["locked_until"] is None


def _locked_at(error: dict[str, object]) -> datetime:
    """When a 1-minute lock was decided (the answer that locked counts as a failure)."""
    return datetime.fromisoformat(str(error["locked_until"])) - timedelta(minutes=1)


def test_unknown_identifiers_lock_like_known_ones(portal):
    session = portal()
    answers = [(fail(session, PAUL.identifier), fail(session, UNKNOWN)) for _ in range(7)]
    for known, unknown in answers:
        assert known == unknown
    assert [known[0] for known, _ in answers] == [401, 401, 401, 401, 423, 423, 423]


def test_a_client_failing_too_often_is_told_to_wait(portal):
    session = portal()
    # Twenty failures spread over several identifiers (credential stuffing)…
    for n in range(20):
        identifier = (PAUL, CLAIRE)[n % 2].identifier if n % 3 else UNKNOWN
        assert fail(session, identifier)[0] in (401, 423)
    # …and the client is throttled, whatever it tries, before any password is checked.
    response = session.login(PAUL.identifier, PAUL.password or "", expect=429)
    error = error_of(response)
    assert error["code"] == "too_many_attempts"
    assert error["retry_after"] == 300
    assert response.headers["retry-after"] == "300"
    assert "Réessayez dans 5 minutes" in error["message"]
    # The window slides: the oldest failures leave it as the clock moves.
    session.advance(299)
    assert error_of(session.login(PAUL.identifier, "x", expect=429))["retry_after"] == 1
    session.advance(1)
    assert session.login_as(ZOHRA)["next"]["step"] == "dashboard"  # not one of those tried


def test_throttling_starts_afresh_after_a_reset(stub, portal):
    session = portal()
    for _ in range(20):
        fail(session, UNKNOWN)
    session.login(PAUL.identifier, PAUL.password or "", expect=429)
    session.http.post("/_stub/reset").raise_for_status()
    session.login_as(PAUL)


def test_unknown_and_known_identifiers_take_as_long(stub_factory, portal_on):
    running = stub_factory(client_max_failures=10_000, max_login_failures=10_000)
    session = portal_on(running)

    def median(identifier: str) -> float:
        times = []
        for _ in range(20):
            start = time.perf_counter()
            session.login(identifier, WRONG, expect=401)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    median(PAUL.identifier)  # warm up (the dummy hash is computed once)
    known, unknown = median(PAUL.identifier), median(UNKNOWN)
    assert 0.5 < known / unknown < 2.0, (known, unknown)


def test_the_login_throttle_is_in_the_contract(stub, portal):
    document = portal().http.get("/openapi.json").json()
    responses = document["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert "429" in responses
    assert START  # the shared stub's clock is the test clock
