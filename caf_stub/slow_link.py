"""A slow or broken link between the person and the portal, as an ASGI layer.

What a mobile link does to one exchange, after toxiproxy's bandwidth and slicer toxics and
WireMock's chunked dribble delay: the request's body arrives at ``bandwidth`` bytes per second,
the answer leaves at that rate too; the answer is dribbled in ``chunks`` with pauses; the
connection is cut halfway through the answer's body; the answer's body is empty or not JSON.

Only bytes actually received or sent are counted: nothing the request says about itself (its
``Content-Length``, its headers) decides how long it waits or what it is sent.
"""

from __future__ import annotations

import asyncio
from typing import Literal, Self

from pydantic import BaseModel, Field, model_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The shortest pause worth taking: below it, slices are grouped so the loop is not flooded.
SLICE_SECONDS = 0.05

#: What a « malformed » answer is sent instead of its body: JSON cut off mid-way.
MALFORMED_BODY = b'{"next": {"step": "'


class Dribble(BaseModel):
    """The answer's body in ``chunks`` pieces, spread over ``total_ms`` (WireMock's
    ``chunkedDribbleDelay``), sent with chunked transfer encoding."""

    chunks: int = Field(ge=2, le=100, description="How many pieces.")
    total_ms: float = Field(ge=0, le=60_000, description="From the first piece to the last.")


class SlowLink(BaseModel):
    """What the link does to one exchange; any combination, except a body both cut and
    replaced."""

    bandwidth: int | None = Field(
        default=None,
        ge=10,
        le=100_000_000,
        description="Bytes per second, both ways: the request's body and the answer's.",
    )
    dribble: Dribble | None = None
    reset: bool = Field(default=False, description="Cut the connection mid-way through the body.")
    body: Literal["empty", "malformed"] | None = Field(
        default=None, description="Answer the status and headers with this body instead."
    )

    @model_validator(mode="after")
    def _does_something(self) -> Self:
        if self.bandwidth is None and self.dribble is None and not self.reset and not self.body:
            raise ValueError("a slow link needs bandwidth, dribble, reset or body")
        if self.reset and self.body is not None:
            raise ValueError("choose reset or body, not both")
        return self

    def describe(self) -> str:
        parts = []
        if self.bandwidth is not None:
            parts.append(f"bandwidth {self.bandwidth} B/s")
        if self.dribble is not None:
            parts.append(f"dribble {self.dribble.chunks} chunks in {self.dribble.total_ms:g} ms")
        if self.reset:
            parts.append("reset mid-body")
        if self.body is not None:
            parts.append(f"{self.body} body")
        return ", ".join(parts)


def _slices(data: bytes, bandwidth: int) -> list[bytes]:
    size = max(1, int(bandwidth * SLICE_SECONDS))
    return [data[i : i + size] for i in range(0, len(data), size)] or [b""]


async def _pace(length: int, bandwidth: int | None) -> None:
    if bandwidth is not None and length:
        await asyncio.sleep(length / bandwidth)


def slow_receive(receive: Receive, bandwidth: int) -> Receive:
    """``receive``, the request's body handed on in slices, each once the link has carried it
    (whatever length the request announced)."""
    waiting: list[bytes] = []
    last_more = False

    async def paced() -> Message:
        nonlocal last_more
        if not waiting:
            message = await receive()
            if message["type"] != "http.request":
                return message
            waiting.extend(_slices(message.get("body", b""), bandwidth))
            last_more = bool(message.get("more_body", False))
        part = waiting.pop(0)
        await _pace(len(part), bandwidth)
        return {"type": "http.request", "body": part, "more_body": bool(waiting) or last_more}

    return paced


def _without_length(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [(name, value) for name, value in headers if name.lower() != b"content-length"]


class _Answer:
    """The answer the application gives, held whole, then sent the way the link sends it."""

    def __init__(self, link: SlowLink, send: Send) -> None:
        self.link = link
        self.send = send
        self.start: Message | None = None
        self.body = bytearray()

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
            return
        if message["type"] != "http.response.body" or self.start is None:
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if not message.get("more_body", False):
            await self.deliver(bytes(self.body))

    async def deliver(self, body: bytes) -> None:
        assert self.start is not None
        link = self.link
        if link.body == "empty":
            body = b""
        elif link.body == "malformed":
            body = MALFORMED_BODY
        headers = _without_length(list(self.start.get("headers", [])))
        if link.dribble is None:
            # A reset promises the whole body (at least one byte) and sends half of it.
            promised = max(len(body), 1) if link.reset else len(body)
            headers.append((b"content-length", str(promised).encode()))
        # Without a length, uvicorn frames each piece as a chunk of its own.
        await self.send({**self.start, "headers": headers})
        pieces = self._pieces(body[: len(body) // 2] if link.reset else body)
        pause = link.dribble.total_ms / 1000 / max(1, len(pieces) - 1) if link.dribble else 0.0
        for index, piece in enumerate(pieces):
            if index and pause:
                await asyncio.sleep(pause)
            for part in _slices(piece, link.bandwidth) if link.bandwidth else [piece]:
                await self.send({"type": "http.response.body", "body": part, "more_body": True})
                await _pace(len(part), link.bandwidth)
        if link.reset:
            return  # the body is not finished: the server closes the connection mid-way
        await self.send({"type": "http.response.body", "body": b"", "more_body": False})

    def _pieces(self, body: bytes) -> list[bytes]:
        dribble = self.link.dribble
        if dribble is None or len(body) < 2:
            return [body]
        step = -(-len(body) // min(dribble.chunks, len(body)))
        return [body[i : i + step] for i in range(0, len(body), step)]


async def through_slow_link(
    link: SlowLink, app: ASGIApp, scope: Scope, receive: Receive, send: Send
) -> None:
    """Run ``app`` for this exchange with the link in between."""
    if link.bandwidth is not None:
        receive = slow_receive(receive, link.bandwidth)
    await app(scope, receive, _Answer(link, send))
