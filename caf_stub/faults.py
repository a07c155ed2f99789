"""Faults QA can inject in the stub's answers: latency, an error status, a dropped connection,
a slow or broken link (``caf_stub/slow_link.py``).

A rule matches a route (a path, or a pattern with ``*``) and optionally a method, and applies
to the next ``times`` matching requests; then it is gone. ``/_stub`` routes are never faulted.
The rules are kept in the database: every worker applies them, a restart keeps them.
"""

from __future__ import annotations

import asyncio
import fnmatch
import random
from contextlib import AbstractContextManager
from typing import Literal, Protocol, Self

from anyio import to_thread
from pydantic import BaseModel, Field, model_validator
from starlette.types import ASGIApp, Receive, Scope, Send

from caf_stub.journal import FAULT_KEY, PortalMiddleware
from caf_stub.slow_link import SlowLink, through_slow_link
from caf_tui.api import HTTP_STATUS, ErrorCode, ErrorDetail


class Latency(BaseModel):
    """How long to wait before answering: ``fixed`` ``ms``; ``uniform`` between ``ms`` and
    ``max_ms``; ``normal`` around ``ms`` with ``stddev_ms`` (never below zero)."""

    distribution: Literal["fixed", "uniform", "normal"] = "fixed"
    ms: float = Field(ge=0, le=60_000)
    max_ms: float | None = Field(default=None, ge=0, le=60_000)
    stddev_ms: float | None = Field(default=None, ge=0, le=60_000)

    @model_validator(mode="after")
    def _parameters(self) -> Self:
        if self.distribution == "uniform" and (self.max_ms is None or self.max_ms < self.ms):
            raise ValueError("uniform latency needs max_ms >= ms")
        if self.distribution == "normal" and self.stddev_ms is None:
            raise ValueError("normal latency needs stddev_ms")
        return self

    def sample(self, rng: random.Random) -> float:
        """Seconds to wait."""
        if self.distribution == "uniform":
            assert self.max_ms is not None
            value = rng.uniform(self.ms, self.max_ms)
        elif self.distribution == "normal":
            value = rng.gauss(self.ms, self.stddev_ms or 0.0)
        else:
            value = self.ms
        return max(0.0, value) / 1000


class FaultRule(BaseModel):
    route: str = Field(
        max_length=200, description="Path or pattern, e.g. /api/v1/journey/* or /api/v1/*."
    )
    method: str | None = Field(default=None, max_length=10, description="GET, POST… or any.")
    times: int = Field(default=1, ge=1, le=10_000, description="For the next N requests.")
    latency: Latency | None = None
    status: int | None = Field(default=None, ge=400, le=599, description="Answer this status.")
    drop: bool = Field(default=False, description="Cut the connection mid-answer.")
    link: SlowLink | None = Field(
        default=None, description="Bandwidth, dribble, a reset mid-body, an empty or bad body."
    )

    @model_validator(mode="after")
    def _does_something(self) -> Self:
        if self.latency is None and self.status is None and not self.drop and self.link is None:
            raise ValueError("a fault needs latency, status, drop or link")
        if self.status is not None and self.drop:
            raise ValueError("choose status or drop, not both")
        if self.link is not None and self.drop:
            raise ValueError("choose link or drop, not both")
        return self

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return fnmatch.fnmatchcase(path, self.route)

    def describe(self) -> str:
        parts = []
        if self.latency is not None:
            parts.append(f"latency {self.latency.distribution} {self.latency.ms:g} ms")
        if self.status is not None:
            parts.append(f"status {self.status}")
        if self.drop:
            parts.append("drop")
        if self.link is not None:
            parts.append(self.link.describe())
        return ", ".join(parts)


class ActiveFault(BaseModel):
    id: int
    rule: FaultRule
    remaining: int


class FaultStore(Protocol):
    """Where the faults are kept (the store): every worker applies the same, a restart keeps
    them. A rule is kept as its JSON, so that a new kind of fault is a new field of
    :class:`FaultRule` and no new column."""

    def add_fault(self, rule: str, remaining: int) -> int: ...

    def faults(self) -> list[tuple[int, str, int]]: ...

    def has_faults(self) -> bool: ...

    def use_fault(self, fault_id: int) -> None: ...

    def clear_faults(self) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...


class Faults:
    """The rules in force, first added first matched, kept in ``store``. Thread-safe."""

    def __init__(self, store: FaultStore, seed: int | None = None) -> None:
        self._store = store
        self.rng = random.Random(seed)

    def add(self, rule: FaultRule) -> ActiveFault:
        fault_id = self._store.add_fault(rule.model_dump_json(), rule.times)
        return ActiveFault(id=fault_id, rule=rule, remaining=rule.times)

    def active(self) -> list[ActiveFault]:
        return [
            ActiveFault(id=fault_id, rule=FaultRule.model_validate_json(rule), remaining=left)
            for fault_id, rule, left in self._store.faults()
        ]

    def clear(self) -> None:
        self._store.clear_faults()

    def take(self, method: str, path: str) -> FaultRule | None:
        """The first rule matching this request, one use consumed; None when none does."""
        if not self._store.has_faults():  # the common case: no write transaction
            return None
        with self._store.transaction():
            for fault in self.active():
                if fault.rule.matches(method, path):
                    self._store.use_fault(fault.id)
                    return fault.rule
        return None


def _code_for(status: int) -> ErrorCode:
    for code, code_status in HTTP_STATUS.items():
        if code_status == status:
            return code
    return ErrorCode.INTERNAL_ERROR if status >= 500 else ErrorCode.VALIDATION_ERROR


class FaultMiddleware(PortalMiddleware):
    """Applies the matching rule of ``faults`` to each request outside ``/_stub``."""

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        super().__init__(app)
        self.faults = faults

    async def portal_request(self, scope: Scope, path: str, receive: Receive, send: Send) -> None:
        rule = await to_thread.run_sync(self.faults.take, str(scope.get("method", "")), path)
        if rule is None:
            await self.app(scope, receive, send)
            return
        scope[FAULT_KEY] = rule.describe()
        if rule.latency is not None:
            await asyncio.sleep(rule.latency.sample(self.faults.rng))
        if rule.drop:
            # Headers promise a body that never comes: the server closes the connection and
            # the client sees it cut, as on a flaky network.
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
                }
            )
            return
        answer: ASGIApp = self.app
        if rule.status is not None:
            # Imported here: the replayer reads a flow's fault rules from this module, and a
            # spawned replay worker would otherwise load FastAPI for nothing (half a second).
            from caf_stub.errors import error_response

            code = _code_for(rule.status)
            detail = ErrorDetail(
                code=code,
                message=f"Panne simulée par le banc d'essai (statut {rule.status}). Réessayez.",
            )
            answer = error_response(detail, rule.status)
        if rule.link is not None:
            await through_slow_link(rule.link, answer, scope, receive, send)
            return
        await answer(scope, receive, send)
