"""The stub's slow and broken links, seen from a real HTTP client over loopback: bandwidth both
ways, a dribbled answer, a connection cut mid-body, an empty or a malformed body."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from caf_stub import RunningStub
from caf_stub.slow_link import MALFORMED_BODY

from .link import add_fault

JOURNEY = "/api/v1/journey"  # without a session: a small JSON error, no state touched
LOGIN = "/api/v1/auth/login"


async def test_an_answer_is_sent_at_the_bandwidth(stub: RunningStub) -> None:
    bandwidth = 60_000
    async with httpx.AsyncClient(base_url=stub.url) as client:
        size = len((await client.get("/openapi.json")).content)
        add_fault(stub, route="/openapi.json", link={"bandwidth": bandwidth})
        start = time.perf_counter()
        answer = await client.get("/openapi.json")
        elapsed = time.perf_counter() - start
    assert answer.status_code == 200 and len(answer.content) == size
    answer.json()  # whole and intact
    assert size > bandwidth  # long enough for the rate to show
    ratio = size / elapsed / bandwidth
    # Never faster than the link (it waits for each slice); near it unless the machine is busy.
    assert 0.5 < ratio <= 1.0, ratio


async def test_a_request_body_is_read_at_the_bandwidth_whatever_it_announces(
    stub: RunningStub,
) -> None:
    """Sent in chunks with no ``Content-Length``: the stub counts the bytes it receives."""
    bandwidth, size = 8_000, 12_000

    async def body() -> AsyncIterator[bytes]:
        yield b'{"identifier": "'
        yield b"1" * (size - 40)
        yield b'", "identifier_kind": "nir"}'

    add_fault(stub, route=LOGIN, link={"bandwidth": bandwidth})
    async with httpx.AsyncClient(base_url=stub.url) as client:
        start = time.perf_counter()
        answer = await client.post(
            LOGIN, content=body(), headers={"Content-Type": "application/json"}
        )
        elapsed = time.perf_counter() - start
    assert answer.status_code == 422  # read whole, then refused in French as usual
    ratio = (size - 12) / elapsed / bandwidth
    assert 0.5 < ratio <= 1.05, ratio


async def test_a_dribbled_answer_arrives_in_separate_chunks(stub: RunningStub) -> None:
    chunks, total_ms = 4, 600
    add_fault(stub, route=JOURNEY, link={"dribble": {"chunks": chunks, "total_ms": total_ms}})
    pieces: list[tuple[float, bytes]] = []
    async with httpx.AsyncClient(base_url=stub.url) as client:
        start = time.perf_counter()
        async with client.stream("GET", JOURNEY) as answer:
            async for piece in answer.aiter_raw():
                pieces.append((time.perf_counter() - start, piece))
    assert answer.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in answer.headers
    body = b"".join(piece for _, piece in pieces)
    assert json.loads(body)["error"]["code"]  # the usual answer, only late
    # 200 ms between pieces: each is read on its own (one may merge on a very busy machine).
    assert len(pieces) >= chunks - 1, [len(p) for _, p in pieces]
    assert pieces[-1][0] - pieces[0][0] >= total_ms / 1000 * 0.9


async def test_a_reset_mid_body_is_a_protocol_error_for_httpx(stub: RunningStub) -> None:
    add_fault(stub, route=JOURNEY, link={"reset": True})
    async with httpx.AsyncClient(base_url=stub.url) as client:
        with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
            await client.get(JOURNEY)
        assert (await client.get(JOURNEY)).status_code == 401  # one request only


async def test_an_empty_body_keeps_the_status_and_says_zero_bytes(stub: RunningStub) -> None:
    add_fault(stub, route=JOURNEY, link={"body": "empty"})
    async with httpx.AsyncClient(base_url=stub.url) as client:
        answer = await client.get(JOURNEY)
    assert answer.status_code == 401
    assert answer.content == b"" and answer.headers["content-length"] == "0"


async def test_a_malformed_body_is_not_json(stub: RunningStub) -> None:
    add_fault(stub, route=JOURNEY, link={"body": "malformed"}, latency={"ms": 10})
    async with httpx.AsyncClient(base_url=stub.url) as client:
        answer = await client.get(JOURNEY)
    assert answer.content == MALFORMED_BODY
    assert answer.headers["content-length"] == str(len(MALFORMED_BODY))
    with pytest.raises(json.JSONDecodeError):
        answer.json()


async def test_a_status_fault_goes_through_the_link_too(stub: RunningStub) -> None:
    add_fault(stub, route=JOURNEY, status=503, link={"body": "malformed"})
    async with httpx.AsyncClient(base_url=stub.url) as client:
        answer = await client.get(JOURNEY)
    assert answer.status_code == 503 and answer.content == MALFORMED_BODY


@pytest.mark.parametrize(
    "link",
    [{}, {"bandwidth": 0}, {"reset": True, "body": "empty"}, {"body": "garbage"}],
    ids=["nothing", "no-bandwidth", "reset-and-body", "unknown-body"],
)
def test_the_qa_route_refuses_a_link_that_means_nothing(
    stub: RunningStub, link: dict[str, Any]
) -> None:
    with httpx.Client(base_url=stub.url) as control:
        answer = control.post("/_stub/faults", json={"route": JOURNEY, "link": link})
        assert answer.status_code == 422
        assert control.get("/_stub/faults").json() == []


def test_the_journal_names_the_link(stub: RunningStub) -> None:
    add_fault(stub, route=JOURNEY, link={"bandwidth": 50_000, "body": "empty"})
    with httpx.Client(base_url=stub.url) as client:
        client.get(JOURNEY)
        entries = client.get("/_stub/journal").json()
    faulted = [entry for entry in entries if entry.get("fault")]
    assert faulted and "bandwidth 50000 B/s" in faulted[-1]["fault"]
    assert "empty body" in faulted[-1]["fault"]
