"""What the benchmarks share: a test stub, a counting HTTP transport, Karim's answers."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from caf_tui.api import NextStep, SpouseDecision, StepName
from caf_tui.screens.base import StepCall
from tests.tui.migration import ANSWERS as MIGRATION_ANSWERS
from tests.tui.migration import CODE as CODE
from tests.tui.migration import KARIM_NIR as KARIM_NIR
from tests.tui.migration import KARIM_PASSWORD as KARIM_PASSWORD
from tests.tui.migration import NEW_PASSWORD as NEW_PASSWORD


@dataclass
class Result:
    name: str
    measured: str
    target: str
    ok: bool
    note: str = ""


@dataclass
class CountingTransport(httpx.AsyncBaseTransport):
    """Counts requests and the bytes of their request lines, headers and bodies, both ways.

    HTTP/1.1 as sent: ``METHOD path HTTP/1.1\\r\\n`` + ``Name: value\\r\\n``… + ``\\r\\n`` + body.
    """

    inner: httpx.AsyncBaseTransport = field(default_factory=httpx.AsyncHTTPTransport)
    requests: int = 0
    sent: int = 0
    received: int = 0
    paths: list[str] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = request.content  # small JSON bodies, already built
        self.requests += 1
        self.paths.append(f"{request.method} {request.url.path}")
        self.sent += len(f"{request.method} {request.url.raw_path.decode()} HTTP/1.1\r\n")
        self.sent += sum(len(k) + len(v) + 4 for k, v in request.headers.raw) + 2 + len(body)
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        self.received += len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n")
        self.received += sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 2
        self.received += len(content)
        return httpx.Response(
            response.status_code, headers=response.headers, content=content, request=request
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


#: Karim's answers, step by step, as the Pilot tests give them (tests/tui/migration.py), but
#: authorising Zohra as flows/karim-sms.yaml does.
ANSWERS: dict[StepName, Callable[[NextStep], StepCall]] = {
    **MIGRATION_ANSWERS,
    StepName.SPOUSE_AUTHORISATION: lambda step: (
        lambda b: b.decide_spouse_authorisation(SpouseDecision.AUTHORISE)
    ),
}
