"""What a request costs the stub in thread hops: FastAPI runs each plain ``def`` dependency in a
worker thread, so the dependencies that only read the request (the stub's context, the
client's address, the QA door) are ``async``; what touches the database (the session, the
handler, the faults and the journal) keeps its thread."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

import anyio.to_thread
import pytest

from caf_stub import RunningStub
from tests.conftest import stub_client

KARIM = {"identifier_kind": "nir", "identifier": "1830599999011", "password": "83051234"}
READ_THE_REQUEST_ONLY = {"context_of", "get_context", "client_address", "require_qa_access"}


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The functions the stub sends to a worker thread from now on, by name."""
    sent: Counter[str] = Counter()
    run_sync = anyio.to_thread.run_sync

    async def counted(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        inner = function
        while isinstance(inner, functools.partial):
            inner = inner.func
        sent[getattr(inner, "__name__", repr(inner))] += 1
        return await run_sync(function, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    return sent


def test_a_qa_route_sends_only_its_handler_to_a_thread(
    stub: RunningStub, hops: Counter[str]
) -> None:
    with stub_client(stub) as client:
        client.get("/_stub/health").raise_for_status()
        hops.clear()
        client.put(
            "/_stub/clock", json={"now": "2026-11-27T09:00:00Z", "frozen": True}
        ).raise_for_status()
    assert not READ_THE_REQUEST_ONLY & set(hops), hops
    assert sum(hops.values()) <= 2, hops  # the handler, then its answer checked (FastAPI's)


def test_an_api_route_keeps_a_thread_for_what_reads_the_database(
    stub: RunningStub, hops: Counter[str]
) -> None:
    with stub_client(stub) as client:
        token = client.post("/api/v1/auth/login", json=KARIM).json()["session"]["token"]
        hops.clear()
        journey = client.get("/api/v1/journey", headers={"Authorization": f"Bearer {token}"})
    assert journey.status_code == 200, journey.text
    assert not READ_THE_REQUEST_ONLY & set(hops), hops
    assert hops["require_caller"] == 1  # the session, looked up in the database
    assert sum(hops.values()) <= 5, hops
