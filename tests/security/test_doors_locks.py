"""Password locks at the login (defects 4, 6b and 9 of issue 13), over HTTP."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from caf_stub import security
from caf_stub.personas import HUGO, PAUL
from tests.stub.helpers import API, Portal, error_of

from .helpers import WRONG, portal, portal_on, unknown_nir

FIXTURES = (portal, portal_on)  # the stub tests' fixtures, used by name below

UNKNOWN = unknown_nir(1)


def test_a_locked_account_answers_a_wrong_password_as_an_unknown_identifier(portal):
    """A stranger learns nothing from a lock: Hugo (locked at the seed) and a NIR nobody has
    answer a wrong password with the same status and the same body."""
    session: Portal = portal()
    hugo = session.login(HUGO.identifier, WRONG, expect=None)
    nobody = session.login(UNKNOWN, WRONG, expect=None)
    assert (hugo.status_code, error_of(hugo)) == (nobody.status_code, error_of(nobody))
    assert hugo.status_code == 401
    # The lock is told only to whoever types the right password.
    told = error_of(session.login(HUGO.identifier, HUGO.password or "", expect=423))
    assert told["code"] == "account_locked" and told["locked_until"]


def test_a_completed_reset_lifts_the_lock_after_too_many_failures(stub_factory, portal_on):
    """Anyone can block an account by failing on purpose; its owner unblocks it with
    « Mot de passe oublié ? » (the lock message sends them there)."""
    running = stub_factory(client_max_failures=10_000, max_consecutive_failures=12)
    session: Portal = portal_on(running)
    for _ in range(12):
        session.login(PAUL.identifier, WRONG, expect=401)
    session.login(PAUL.identifier, PAUL.password or "", expect=401)  # blocked: not checked
    flow = session.ok("POST", "/recovery", {"identifier_kind": "nir", "identifier": PAUL.nir})
    token = flow["flow_token"]
    session.ok("POST", "/recovery/code", {"flow_token": token, "code": "123456"})
    new = {"flow_token": token, "password": "Leroy2027", "confirmation": "Leroy2027"}
    session.ok("POST", "/recovery/password", new)
    assert session.login(PAUL.identifier, "Leroy2027").json()["next"]["step"] == "dashboard"


@pytest.fixture
def argon2_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the argon2 verifications the in-process stub runs (one entry each)."""
    checks: list[int] = []
    real = security._verify

    def counted(stored_hash: str, candidate: str) -> bool:
        checks.append(1)
        return real(stored_hash, candidate)

    monkeypatch.setattr(security, "_verify", counted)
    return checks


def test_a_burst_of_40_logins_checks_no_more_passwords_than_the_client_limit(
    stub, argon2_checks: list[int]
):
    """The slot is taken before the hash: 40 logins at once from one address get at most 20
    passwords checked (the limit), the others 429 before any hash."""
    limit = stub.settings.client_max_failures
    assert limit == 20

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=stub.url, timeout=60, verify=False) as client:
            body: dict[str, Any] = {"identifier_kind": "nir", "password": WRONG}
            calls = [
                client.post(API + "/auth/login", json={**body, "identifier": unknown_nir(n)})
                for n in range(40)
            ]
            return await asyncio.gather(*calls)

    answers = asyncio.run(burst())
    statuses = [answer.status_code for answer in answers]
    assert set(statuses) <= {401, 429}, statuses
    assert statuses.count(401) <= limit, statuses
    assert len(argon2_checks) <= limit
    assert statuses.count(429) >= 40 - limit
    refused = next(a for a in answers if a.status_code == 429)
    assert error_of(refused)["retry_after"] > 0


def test_a_burst_against_one_account_checks_no_more_than_the_cap(
    stub_factory, argon2_checks: list[int], monkeypatch: pytest.MonkeyPatch
):
    """Each check is counted before its hash: 30 logins at once on Paul, with a cap of 12
    failures, check his password at most 12 times (NIST SP 800-63B's bound holds in a burst)."""
    running = stub_factory(client_max_failures=10_000, max_consecutive_failures=12)
    paul_hash = running.context.store.account_by_nir(PAUL.nir or "")
    assert paul_hash is not None and paul_hash.password_hash
    against_paul: list[int] = []
    counted = security._verify

    def paul_only(stored_hash: str, candidate: str) -> bool:
        if stored_hash == paul_hash.password_hash:
            against_paul.append(1)
        return counted(stored_hash, candidate)

    monkeypatch.setattr(security, "_verify", paul_only)

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=running.url, timeout=60, verify=False) as client:
            body = {"identifier_kind": "nir", "identifier": PAUL.nir, "password": WRONG}
            return await asyncio.gather(
                *(client.post(API + "/auth/login", json=body) for _ in range(30))
            )

    statuses = {answer.status_code for answer in asyncio.run(burst())}
    assert statuses == {401}
    assert len(against_paul) <= 12
