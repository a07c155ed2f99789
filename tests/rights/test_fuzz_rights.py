"""schemathesis on the routes of issue 18 only, as a migrated file holder (Paul) so that the
fuzzing reaches past the session and step checks: whatever the input, never a 5xx, and every
answer is one the OpenAPI document promises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from caf_stub import RunningStub, serve_in_thread
from caf_stub.testing import settings_for_tests

MAX_EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
PAUL = {"identifier_kind": "nir", "identifier": "178029999901571", "password": "Leroy1978"}
ROUTES = r"^/api/v1/account/(declarations|benefits|attestations/\{kind\}|authorisations)"


@pytest.fixture(scope="module")
def rights_stub() -> Iterator[RunningStub]:
    running = serve_in_thread(settings_for_tests(client_max_failures=1_000_000))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def rights_schema(rights_stub: RunningStub) -> Any:
    return schemathesis.openapi.from_url(rights_stub.url + "/openapi.json")


@pytest.fixture(scope="module")
def paul_token(rights_stub: RunningStub) -> str:
    answer = httpx.post(rights_stub.url + "/api/v1/auth/login", json=PAUL)
    answer.raise_for_status()
    value: str = answer.json()["session"]["token"]
    return value


schema = schemathesis.pytest.from_fixture("rights_schema").include(path_regex=ROUTES)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_rights_routes_hold_under_fuzzing(
    case: Any, rights_stub: RunningStub, paul_token: str
) -> None:
    headers = dict(case.headers or {})
    headers.setdefault("Authorization", f"Bearer {paul_token}")
    case.headers = headers
    case.call_and_validate(base_url=rights_stub.url, checks=CHECKS)
