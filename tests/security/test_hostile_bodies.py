"""Issue 13, defect 8 (bodies): a JSON body nested hundreds of levels deep is bad input like
any other: a 4xx in the one error shape, the connection kept, the journal entry written."""

from __future__ import annotations

import pytest

from caf_stub import RunningStub
from caf_tui.api import ErrorBody
from tests.conftest import stub_client

DEEP = {
    "objects 500 deep": '{"a":' * 500 + "1" + "}" * 500,
    "lists 500 deep": "[" * 500 + "]" * 500,
    "lists 4000 deep": "[" * 4000 + "]" * 4000,
    "a field 900 deep": '{"identifier_kind":"nir","identifier":' + "[" * 900 + "]" * 900 + "}",
}


@pytest.mark.parametrize("body", DEEP.values(), ids=DEEP.keys())
@pytest.mark.parametrize(
    "path", ["/api/v1/auth/login", "/api/v1/signup", "/api/v1/recovery", "/api/v1/journey/contact"]
)
def test_a_deeply_nested_body_is_refused_in_the_one_error_shape(
    stub: RunningStub, path: str, body: str
) -> None:
    with stub_client(stub) as client:
        client.delete("/_stub/journal")
        method = "PUT" if path.endswith("/contact") else "POST"
        answer = client.request(
            method, path, content=body, headers={"Content-Type": "application/json"}
        )
        assert 400 <= answer.status_code < 500, answer.text
        assert ErrorBody.model_validate_json(answer.content).error.message
        # The same connection still serves, and the journal noted the request and its answer.
        entries = client.get("/_stub/journal").json()
    assert [(e["path"], e["status"]) for e in entries] == [(path, answer.status_code)]
    assert isinstance(entries[0]["body"], str | dict | list)


def test_a_deep_body_to_the_provider_form_is_no_value(stub: RunningStub) -> None:
    """The demo provider's JSON form: nested fields are no value, never a 500."""
    with stub_client(stub) as client:
        flow = client.post("/api/v1/auth/franceconnect").json()
        to_provider = client.get(flow["authorize_url"])
        interaction = to_provider.headers["location"]
        for body in DEEP.values():
            answer = client.post(
                interaction + "/idp/demo-eidas-faible",
                content=body.replace('"identifier"', '"login"'),
                headers={"Content-Type": "application/json", "Accept": "application/json"},
            )
            assert answer.status_code == 401, answer.text


def test_a_body_json_cannot_write_back_leaves_the_journal_readable(stub: RunningStub) -> None:
    """A lone surrogate or a NaN in a body is noted, and the journal still reads as JSON."""
    with stub_client(stub) as client:
        client.delete("/_stub/journal")
        for body in ('{"identifier":"\\ud800"}', '{"identifier":NaN,"x":-Infinity}'):
            answer = client.post(
                "/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"}
            )
            assert answer.status_code == 422, answer.text
        journal = client.get("/_stub/journal")
    assert journal.status_code == 200, journal.text
    assert [e["body"]["identifier"] for e in journal.json()] == ["?", "nan"]


def test_non_ascii_and_lone_surrogates_at_the_provider_are_refused_not_500(
    stub: RunningStub,
) -> None:
    """hmac.compare_digest refuses non-ASCII text: every comparison is on bytes."""
    with stub_client(stub) as client:
        authorize = client.get("/franceconnect/authorize", params={"client_id": "é"})
        token = client.post(
            "/franceconnect/token",
            data={"client_id": "é", "client_secret": "ü", "code_verifier": "ø"},
        )
        flow = client.post("/api/v1/auth/franceconnect").json()
        interaction = client.get(flow["authorize_url"]).headers["location"]
        form = client.post(
            interaction + "/idp/demo-eidas-faible",
            content='{"login": "test", "password": "\\ud800"}',
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
    assert authorize.status_code == 400
    assert token.status_code == 401
    assert form.status_code == 401
