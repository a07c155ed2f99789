"""What the benchmarks share: a test stub, a counting HTTP transport, Karim's answers."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from pydantic import SecretStr

from caf_tui.api import AcceptTermsStep, Channel, NextStep, SpouseDecision, StepName
from caf_tui.screens.base import StepCall

KARIM_NIR = "1 83 05 99 999 011 72"
KARIM_PASSWORD = "83051234"
NEW_PASSWORD = "Karim2024"
CODE = "123456"


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


def _version(step: NextStep) -> str:
    assert isinstance(step, AcceptTermsStep)
    return step.version


ANSWERS: dict[StepName, Callable[[NextStep], StepCall]] = {
    StepName.MIGRATION_INTRO: lambda step: lambda b: b.start_migration(),
    StepName.ACCEPT_TERMS: lambda step: lambda b: b.accept_terms(_version(step)),
    StepName.CHOOSE_PASSWORD: lambda step: (
        lambda b: b.choose_password(SecretStr(NEW_PASSWORD), SecretStr(NEW_PASSWORD))
    ),
    StepName.CONFIRM_CONTACT: lambda step: lambda b: b.confirm_contact(Channel.SMS),
    StepName.VERIFY_CODE: lambda step: lambda b: b.verify_code(SecretStr(CODE)),
    StepName.ACCOUNT_CREATED: lambda step: lambda b: b.acknowledge_account_created(),
    StepName.SPOUSE_AUTHORISATION: lambda step: (
        lambda b: b.decide_spouse_authorisation(SpouseDecision.AUTHORISE)
    ),
}
