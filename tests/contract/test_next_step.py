"""The ``next`` unions: unambiguous in the published schema, lenient in the client.

The schema tells the steps apart by ``step`` (an OpenAPI discriminator and its mapping), so that
each answer matches exactly one branch of ``oneOf`` (schemathesis' response conformance, ST108);
the client still parses a step it does not know as ``OtherStep``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis

from caf_stub import RunningStub
from caf_stub.personas import KARIM
from caf_tui.api import (
    AuthResponse,
    DashboardStep,
    JourneyResponse,
    OtherStep,
    RecoveryCodeStep,
    StepName,
)
from tests.stub.helpers import Portal
from tests.stub.journeys import NEW_PASSWORD, ORDER, walk_to

ROOT = Path(__file__).resolve().parents[2]
SERVER_TIME = "2026-11-27T09:00:00Z"


def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    return document


def _next_unions(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every schema with a ``next`` property, by name: the unions of steps."""
    schemas: dict[str, dict[str, Any]] = document["components"]["schemas"]
    return {
        name: schema["properties"]["next"]
        for name, schema in schemas.items()
        if "next" in schema.get("properties", {})
    }


def test_every_next_union_has_a_discriminator_mapping_for_each_step() -> None:
    document = _document()
    schemas = document["components"]["schemas"]
    unions = _next_unions(document)
    assert {"AuthResponse", "JourneyResponse", "RecoveryResponse"} <= set(unions)
    for name, union in unions.items():
        discriminator = union.get("discriminator")
        assert discriminator is not None, f"{name}.next has no discriminator"
        assert discriminator["propertyName"] == "step", name
        mapping: dict[str, str] = discriminator["mapping"]
        assert set(mapping) == {step.value for step in StepName}, name
        assert sorted(branch["$ref"] for branch in union["oneOf"]) == sorted(mapping.values())
        for value, reference in mapping.items():
            target = schemas[reference.rsplit("/", 1)[-1]]
            assert target["properties"]["step"]["const"] == value, (name, value)
            assert "step" in target["required"], (name, value)


def test_the_client_fallback_is_not_published() -> None:
    for name, union in _next_unions(_document()).items():
        references = {branch["$ref"] for branch in union["oneOf"]}
        assert "#/components/schemas/OtherStep" not in references, name


def test_the_client_parses_known_steps_as_their_model_and_others_as_other_step() -> None:
    known = JourneyResponse.model_validate(
        {"next": {"step": "dashboard", "progress": None}, "server_time": SERVER_TIME}
    )
    assert type(known.next) is DashboardStep
    unknown = JourneyResponse.model_validate(
        {"next": {"step": "franceconnect_link", "provider": "x"}, "server_time": SERVER_TIME}
    )
    assert type(unknown.next) is OtherStep
    assert unknown.next.step == "franceconnect_link"
    assert unknown.next.model_extra == {"provider": "x"}


# --- schemathesis' response conformance (ST108) on the stub's real answers ---------------------


@pytest.fixture
def operations(stub: RunningStub) -> Iterator[Any]:
    """The API as the running stub publishes it, read by schemathesis."""
    yield schemathesis.openapi.from_url(stub.url + "/openapi.json")


def _conforms(operations: Any, method: str, path: str, response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    operations[path][method].validate_response(response)  # raises on any violation


def test_every_journey_answer_matches_exactly_one_step_schema(
    stub: RunningStub, operations: Any
) -> None:
    session = Portal(stub)
    try:
        login = session.login(KARIM.identifier, str(KARIM.password))
        AuthResponse.model_validate(login.json())
        _conforms(operations, "POST", "/api/v1/auth/login", login)
        seen = set()
        persona = KARIM
        for step in ORDER:
            walk_to(session, persona, step)  # logs in again: the account resumes where it stood
            if step == "confirm_contact":  # the new password is chosen by now
                persona = replace(KARIM, password=NEW_PASSWORD)
            answer = session.get("/journey")
            _conforms(operations, "GET", "/api/v1/journey", answer)
            seen.add(answer.json()["next"]["step"])
        assert seen == set(ORDER)
    finally:
        session.close()


def test_a_recovery_answer_matches_exactly_one_step_schema(
    stub: RunningStub, operations: Any
) -> None:
    session = Portal(stub)
    try:
        body = {"identifier_kind": "nir", "identifier": KARIM.identifier}
        answer = session.post("/recovery", body)
        _conforms(operations, "POST", "/api/v1/recovery", answer)
        assert type(RecoveryCodeStep.model_validate(answer.json()["next"])) is RecoveryCodeStep
    finally:
        session.close()
