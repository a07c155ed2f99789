"""Password guessing, throttled: growing locks, at most 100 failures in a row per account,
a sliding window per client, and unknown identifiers that answer exactly as known ones."""

from __future__ import annotations

import statistics
import time
from datetime import datetime, timedelta

from caf_stub.personas import CLAIRE, HUGO, PAUL, ZOHRA, Persona
from caf_stub.settings import StubSettings
from caf_stub.testing import START
from caf_tui import rules

from .helpers import Portal, error_of

UNKNOWN = rules.normalise_nir("1990599999099")  # well formed, nobody has it
WRONG = "Wrong12345"


def fail(portal: Portal, identifier: str) -> tuple[int, dict[str, object]]:
    response = portal.login(identifier, WRONG, expect=None)
    return response.status_code, error_of(response)


def locked_until(portal: Portal, persona: Persona) -> datetime:
    """When the account's lock ends: told only to whoever gives the right password."""
    error = error_of(portal.login(persona.identifier, persona.password or "", expect=423))
    assert error["code"] == "account_locked"
    return datetime.fromisoformat(str(error["locked_until"]))


def test_each_lock_lasts_twice_as_long_as_the_one_before(portal):
    session = portal()
    for minutes in [15, 30, 60, 120]:
        for _ in range(5):
            assert fail(session, CLAIRE.identifier)[0] == 401
        assert locked_until(session, CLAIRE) == session.advance(0) + timedelta(minutes=minutes)
        session.advance(minutes * 60)
    # A success starts everything afresh: the next lock is 15 minutes again.
    session.login_as(CLAIRE)
    for _ in range(5):
        fail(session, CLAIRE.identifier)
    assert locked_until(session, CLAIRE) == session.advance(0) + timedelta(minutes=15)


def test_no_more_than_so_many_failures_in_a_row(stub_factory, portal_on):
    # 12 rather than the default 100 (NIST SP 800-63B's bound) keeps the test quick.
    assert StubSettings().max_consecutive_failures == 100
    running = stub_factory(client_max_failures=10_000, max_consecutive_failures=12)
    session = portal_on(running)
    for _ in range(12):
        # Every wrong password, during the lock too, answers as for an unknown identifier.
        assert fail(session, PAUL.identifier) == fail(session, UNKNOWN)
    # Past the bound no password is checked: the right one is refused as a wrong one…
    refused = session.login(PAUL.identifier, PAUL.password or "", expect=401)
    assert error_of(refused) == fail(session, UNKNOWN)[1]
    # …and no wait helps: only « Mot de passe oublié ? » lifts it (tests/security).
    session.advance(7 * 24 * 3600)
    session.login(PAUL.identifier, PAUL.password or "", expect=401)


def test_a_locked_account_answers_a_wrong_password_as_an_unknown_identifier(portal):
    session = portal()
    answers = [(fail(session, PAUL.identifier), fail(session, UNKNOWN)) for _ in range(7)]
    for known, unknown in answers:
        assert known == unknown
    assert {known[0] for known, _ in answers} == {401}
    assert fail(session, HUGO.identifier) == fail(session, UNKNOWN)  # locked at the seed


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

    def seconds(identifier: str) -> float:
        start = time.perf_counter()
        session.login(identifier, WRONG, expect=401)
        return time.perf_counter() - start

    seconds(PAUL.identifier), seconds(UNKNOWN)  # warm up (the dummy hash is computed once)
    # Alternated, so that whatever else the machine does at a given moment (the other worker's
    # browser) weighs on both sides alike.
    pairs = [(seconds(PAUL.identifier), seconds(UNKNOWN)) for _ in range(20)]
    known = statistics.median(k for k, _ in pairs)
    unknown = statistics.median(u for _, u in pairs)
    assert 0.5 < known / unknown < 2.0, (known, unknown)


def test_the_login_throttle_is_in_the_contract(stub, portal):
    document = portal().http.get("/openapi.json").json()
    responses = document["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert "429" in responses
    assert START  # the shared stub's clock is the test clock
