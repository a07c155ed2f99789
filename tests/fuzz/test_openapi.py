"""schemathesis against the live stub, from the OpenAPI document it serves: whatever the
input, no 5xx, and every answer (status, content type, body) is one the document promises.

Bounded: ``MAX_EXAMPLES`` per operation, with a logged-in person's token on every request so
that the fuzzing reaches past the session check.
"""

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

MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
KARIM = {"identifier_kind": "nir", "identifier": "1830599999011", "password": "83051234"}


@pytest.fixture(scope="module")
def fuzzed_stub() -> Iterator[RunningStub]:
    # Throttling is tested elsewhere; here it would only hide the routes behind 429s.
    running = serve_in_thread(settings_for_tests(client_max_failures=1_000_000))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def api_schema(fuzzed_stub: RunningStub) -> Any:
    return schemathesis.openapi.from_url(fuzzed_stub.url + "/openapi.json")


@pytest.fixture(scope="module")
def token(fuzzed_stub: RunningStub) -> str:
    answer = httpx.post(fuzzed_stub.url + "/api/v1/auth/login", json=KARIM)
    answer.raise_for_status()
    value: str = answer.json()["session"]["token"]
    return value


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_holds_under_fuzzing(
    case: Any, fuzzed_stub: RunningStub, token: str
) -> None:
    headers = dict(case.headers or {})
    headers.setdefault("Authorization", f"Bearer {token}")
    case.headers = headers
    case.call_and_validate(base_url=fuzzed_stub.url, checks=CHECKS)
