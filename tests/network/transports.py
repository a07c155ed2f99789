"""httpx transports that make a real connection to the stub behave like a bad network.

They wrap the real ``AsyncHTTPTransport``: every request that goes through still reaches the
real stub over loopback HTTP, only later, or not at all, or its answer is lost on the way back.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx


@dataclass
class Seen:
    """One request as it left the client."""

    method: str
    path: str
    idempotency_key: str | None


@dataclass
class BadNetwork(httpx.AsyncBaseTransport):
    """Latency, refused connections and lost answers, switched on and off by the test.

    - ``latency``: seconds added before each request is sent;
    - ``refuse``: the next N requests fail to connect (they never reach the server);
    - ``lose_answers``: the next N requests reach the server, which acts, but the answer is
      lost (a read error), as when a mobile link drops mid-way;
    - ``held``: while it is not set, requests wait (after their latency) before they are sent:
      the test looks at the screen during a slow request however slow the machine is.
    """

    latency: float = 0.0
    refuse: int = 0
    lose_answers: int = 0
    seen: list[Seen] = field(default_factory=list)
    inner: httpx.AsyncBaseTransport = field(default_factory=httpx.AsyncHTTPTransport)
    on_request: list[object] = field(default_factory=list)
    answered_at: list[float] = field(default_factory=list)
    """``time.perf_counter()`` when each answer came back to the client."""
    held: asyncio.Event | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(
            Seen(request.method, request.url.path, request.headers.get("idempotency-key"))
        )
        for hook in self.on_request:
            hook(request)  # type: ignore[operator]
        if self.latency:
            await asyncio.sleep(self.latency)
        if self.held is not None:
            await self.held.wait()
        if self.refuse > 0:
            self.refuse -= 1
            raise httpx.ConnectError("connection refused (simulated)", request=request)
        response = await self.inner.handle_async_request(request)
        if self.lose_answers > 0:
            self.lose_answers -= 1
            await response.aread()
            await response.aclose()
            raise httpx.ReadError("connection reset (simulated)", request=request)
        self.answered_at.append(time.perf_counter())
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()

    def writes(self, path_suffix: str) -> list[Seen]:
        return [s for s in self.seen if s.path.endswith(path_suffix)]
