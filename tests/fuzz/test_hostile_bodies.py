"""Hypothesis sends hostile bodies to every write of the stub (``/api/v1`` and the demo
FranceConnect's forms), over real HTTP: deep nesting, huge and non-finite numbers, wrong types,
odd unicode, lone surrogates, bytes that are not UTF-8, oversized bodies, the wrong content type.
Whatever comes, no 5xx, a 4xx in the one error shape on the API, and the connection holds.

Bounded (``MAX_EXAMPLES``) and derandomised, so CI sees the same bodies every run. The QA
routes (``/_stub``) are left out: they are the control of the test double, not its doors.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caf_stub import RunningStub
from caf_stub.personas import KARIM
from caf_tui.api import ErrorBody

MAX_EXAMPLES = 120
WRITES = ("POST", "PUT", "PATCH", "DELETE")
SKIPPED = {"/api/v1/auth/logout", "/api/v1/account/logout_everywhere"}  # would end the session

NUMBERS = st.sampled_from(
    ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e308", "-1e12", "-0", "9" * 4400]
) | st.integers(min_value=-(2**70), max_value=2**70).map(str)
TEXTS = st.sampled_from(
    ['"\\ud800"', '"\\u0000"', '"\\udfff\\ud800"', '"\u202e\u200b"', '"' + "é" * 3000 + '"']
) | st.text(max_size=30).map(json.dumps)
SCALARS = NUMBERS | TEXTS | st.sampled_from(["true", "false", "null", "{}", "[]"])


def _nested(depth: int, inner: str, as_object: bool) -> str:
    return (
        ('{"a":' * depth + inner + "}" * depth)
        if as_object
        else ("[" * depth + inner + "]" * depth)
    )


def _object(fields: list[tuple[str, str]]) -> str:
    return "{" + ",".join(f"{json.dumps(key)}:{value}" for key, value in fields) + "}"


@st.composite
def hostile_json(draw: st.DrawFn, keys: list[str]) -> bytes:
    value = draw(
        st.recursive(
            SCALARS,
            lambda inner: st.lists(inner, max_size=3).map(lambda v: "[" + ",".join(v) + "]"),
            max_leaves=6,
        )
    )
    shape = draw(st.sampled_from(["object", "deep", "scalar", "deep field"]))
    if shape == "deep":
        value = _nested(draw(st.integers(50, 3000)), value, draw(st.booleans()))
    elif shape == "deep field":
        value = _nested(draw(st.integers(50, 1500)), value, draw(st.booleans()))
    if shape in ("object", "deep field"):
        names = draw(st.lists(st.sampled_from(keys) | st.text(max_size=12), min_size=1, max_size=6))
        value = _object([(name, value) for name in names])
    return value.encode("utf-8", "surrogatepass")


BROKEN = st.sampled_from(
    [b"", b"{", b'{"a":', b"\xff\xfe\x00", b"\xc3\x28", b"null", b'{"a":1}{"b":2}', b" " * 17000]
) | st.binary(max_size=64)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=latin-1",
        "text/plain",
        None,
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ]
)


@pytest.fixture(scope="module")
def targets(fuzzed_stub: RunningStub) -> list[tuple[str, str]]:
    """Every write route without a path parameter, and the demo provider's two forms."""
    table = fuzzed_stub.app.state.routes_table
    writes = sorted(
        (method, entry.path)
        for entry in table.entries
        for method in entry.methods & set(WRITES)
        if "{" not in entry.path
        and not entry.path.startswith("/_stub")
        and entry.path not in SKIPPED
    )
    with httpx.Client(base_url=fuzzed_stub.url) as client:
        flow = client.post("/api/v1/auth/franceconnect").json()
        interaction = client.get(flow["authorize_url"]).headers["location"].split("?")[0]
    writes += [("POST", interaction + "/idp/demo-eidas-faible"), ("POST", interaction + "/consent")]
    assert len(writes) > 20
    return writes


@pytest.fixture(scope="module")
def client(fuzzed_stub: RunningStub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fuzzed_stub.url, timeout=10, verify=False) as shared:
        yield shared


@pytest.fixture(scope="module")
def session(fuzzed_stub: RunningStub) -> str:
    body = {"identifier_kind": "nir", "identifier": KARIM.nir, "password": KARIM.password}
    answer = httpx.post(fuzzed_stub.url + "/api/v1/auth/login", json=body)
    answer.raise_for_status()
    token: str = answer.json()["session"]["token"]
    return token


def _field_names() -> list[str]:
    """Every field name of the contract, so that bodies reach past "missing field"."""
    from caf_tui import api

    return sorted(
        {
            name
            for value in vars(api).values()
            if isinstance(value, type) and hasattr(value, "model_fields")
            for name in value.model_fields
        }
    )


FIELD_NAMES = _field_names()


def test_no_hostile_body_reaches_a_server_error(
    fuzzed_stub: RunningStub, client: httpx.Client, targets: list[tuple[str, str]], session: str
) -> None:
    """No hostile body gets a 5xx; then, in the stub's journal, no request lost its answer (in
    one test: under xdist a second test of the module may run in another worker's stub)."""

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def one_hostile_request(data: Any) -> None:
        method, path = data.draw(st.sampled_from(targets), label="route")
        body = data.draw(hostile_json(FIELD_NAMES) | BROKEN, label="body")
        content_type = data.draw(CONTENT_TYPES, label="content type")
        headers = {"Authorization": f"Bearer {session}", "Accept": "application/json"}
        if content_type:
            headers["Content-Type"] = content_type
        answer = client.request(method, path, content=body, headers=headers)
        assert answer.status_code < 500, (method, path, answer.status_code, answer.text[:300])
        if path.startswith("/api/") and answer.status_code >= 400:
            ErrorBody.model_validate_json(answer.content)  # the one error shape

    one_hostile_request()
    entries = client.get("/_stub/journal").json()
    assert len(entries) > MAX_EXAMPLES // 2
    assert [e for e in entries if e["status"] is None or e["status"] >= 500] == []


FC_QUERIES = [
    "/franceconnect/authorize",
    "/api/v1/auth/franceconnect/callback",
    "/franceconnect/session/end",
]
QUERY_KEYS = st.sampled_from(
    [
        "client_id",
        "redirect_uri",
        "state",
        "nonce",
        "code",
        "scope",
        "code_challenge",
        "code_challenge_method",
        "acr_values",
        "response_type",
        "id_token_hint",
        "error",
        "post_logout_redirect_uri",
        "format",
    ]
)


@settings(
    max_examples=MAX_EXAMPLES // 2,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    path=st.sampled_from(FC_QUERIES),
    params=st.dictionaries(QUERY_KEYS, st.text(max_size=40), max_size=8),
)
def test_no_hostile_query_reaches_a_server_error(
    client: httpx.Client, path: str, params: dict[str, str]
) -> None:
    answer = client.get(path, params=params, headers={"Accept": "application/json"})
    assert answer.status_code < 500, (path, params, answer.status_code)
