"""schemathesis against the live stub, from the OpenAPI document it serves: whatever the
input, no 5xx, and every answer (status, content type, body) is one the document promises.

Bounded: a number of examples per operation, with a logged-in person's token on every request
so that the fuzzing reaches past the session check: Karim (mid-journey) on every route, and Paul
(a migrated file holder, past the step checks) on the routes of the spouse's rights.
"""

from __future__ import annotations

from collections.abc import Iterator
from http.cookiejar import DefaultCookiePolicy
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from caf_stub import RunningStub

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
KARIM = {"identifier_kind": "nir", "identifier": "1830599999011", "password": "83051234"}
PAUL = {"identifier_kind": "nir", "identifier": "178029999901571", "password": "Leroy1978"}
RIGHTS_ROUTES = r"^/api/v1/account/(declarations|benefits|attestations/\{kind\}|authorisations)"


@pytest.fixture(scope="module")
def api_schema(fuzzed_stub: RunningStub) -> Any:
    return schemathesis.openapi.from_url(fuzzed_stub.url + "/openapi.json")


def _token(stub: RunningStub, person: dict[str, str]) -> str:
    answer = httpx.post(stub.url + "/api/v1/auth/login", json=person)
    answer.raise_for_status()
    value: str = answer.json()["session"]["token"]
    return value


@pytest.fixture(scope="module")
def karim_token(fuzzed_stub: RunningStub) -> str:
    return _token(fuzzed_stub, KARIM)


@pytest.fixture(scope="module")
def paul_token(fuzzed_stub: RunningStub) -> str:
    return _token(fuzzed_stub, PAUL)


@pytest.fixture(scope="module")
def http() -> Iterator[requests.Session]:
    """One keep-alive connection for the module's thousands of cases, instead of one each; it
    keeps no cookie, so that each case is sent as alone, and reads no proxy or netrc from the
    environment (the stub is on the loopback): requests scanned the whole environment for
    each case, some 4 % of the module's time."""
    with requests.Session() as session:
        session.trust_env = False
        session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        yield session


def _fuzz(case: Any, stub: RunningStub, token: str, http: requests.Session) -> None:
    headers = dict(case.headers or {})
    headers.setdefault("Authorization", f"Bearer {token}")
    case.headers = headers
    case.call_and_validate(base_url=stub.url, session=http, checks=CHECKS)


def _bounded(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@_bounded(25)
def test_every_operation_holds_under_fuzzing(
    case: Any, fuzzed_stub: RunningStub, karim_token: str, http: requests.Session
) -> None:
    _fuzz(case, fuzzed_stub, karim_token, http)


@schema.include(path_regex=RIGHTS_ROUTES).parametrize()
@_bounded(10)
def test_the_rights_routes_hold_under_fuzzing(
    case: Any, fuzzed_stub: RunningStub, paul_token: str, http: requests.Session
) -> None:
    _fuzz(case, fuzzed_stub, paul_token, http)
