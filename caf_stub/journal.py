"""The request journal: what the stub was asked, with every secret replaced by ``***``.

QA reads it under ``GET /_stub/journal`` to see the last requests of a failed replay. It keeps
the method, path, status, duration and the JSON body of each request, never a response body
(a login answer holds a session token) and never a header (``Authorization`` holds one too).
It is kept in the database: every worker's requests, in one journal a restart keeps.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from datetime import UTC, datetime
from typing import Any, Protocol

from anyio import to_thread
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caf_stub.redaction import REDACTED, Redactor, redact

CONTROL_PREFIX = "/_stub"
FAULT_KEY = "caf_stub.fault"
"""Where the fault layer notes, in the ASGI scope, what it did to a request."""

__all__ = ["REDACTED", "Journal", "JournalEntry", "JournalMiddleware", "redact", "redacted_body"]


def redacted_body(raw: bytes) -> Any:
    """The request body as JSON with secrets hidden; a non-JSON body is only measured."""
    if not raw:
        return None
    try:
        return redact(json.loads(raw))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return f"<{len(raw)} octets non JSON>"


class JournalEntry(BaseModel):
    at: datetime = Field(description="Wall-clock time the request arrived (not the stub clock).")
    method: str
    path: str
    query: str = ""
    status: int | None = Field(description="None when no answer was sent (connection dropped).")
    duration_ms: float
    body: Any = Field(default=None, description="The JSON body, secrets replaced by ***.")
    fault: str | None = Field(default=None, description="The fault injected, if any.")


class JournalStore(Protocol):
    """Where the journal is kept (the store): every worker's requests, kept across a restart."""

    def add_journal_entry(self, entry: str, keep: int) -> None: ...

    def journal_entries(self) -> list[str]: ...

    def clear_journal(self) -> None: ...


class Journal:
    """The last ``size`` requests, oldest first, kept in ``store``. Thread-safe."""

    def __init__(self, store: JournalStore, size: int = 500) -> None:
        self._store = store
        self._size = size

    def add(self, entry: JournalEntry) -> None:
        self._store.add_journal_entry(entry.model_dump_json(), self._size)

    def entries(self, limit: int | None = None) -> list[JournalEntry]:
        entries = [JournalEntry.model_validate_json(raw) for raw in self._store.journal_entries()]
        return entries[-limit:] if limit else entries

    def clear(self) -> None:
        self._store.clear_journal()


class PortalMiddleware(ABC):
    """An ASGI middleware for the portal's requests: any other (``/_stub``, the lifespan)
    passes by untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or path.startswith(CONTROL_PREFIX):
            await self.app(scope, receive, send)
        else:
            await self.portal_request(scope, path, receive, send)

    @abstractmethod
    async def portal_request(self, scope: Scope, path: str, receive: Receive, send: Send) -> None:
        """What the middleware does with a portal request (it calls ``self.app`` or answers)."""


class JournalMiddleware(PortalMiddleware):
    """Notes every request outside ``/_stub`` in ``journal``: body redacted, status, time."""

    def __init__(self, app: ASGIApp, journal: Journal, redactor: Redactor) -> None:
        super().__init__(app)
        self.journal = journal
        self.redactor = redactor

    async def portal_request(self, scope: Scope, path: str, receive: Receive, send: Send) -> None:
        started_at, started = datetime.now(UTC), time.perf_counter()
        body = bytearray()
        status: list[int] = []

        async def receive_noted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body.extend(message.get("body", b""))
            return message

        noted = False

        async def note() -> None:
            nonlocal noted
            noted = True
            complete = -1 in status
            fault = scope.get(FAULT_KEY)
            entry = JournalEntry(
                at=started_at,
                method=str(scope.get("method", "")),
                path=self.redactor.path(path),
                query=self.redactor.query(bytes(scope.get("query_string", b"")).decode("latin-1")),
                status=status[0] if status and complete else None,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                body=redacted_body(bytes(body)),
                fault=str(fault) if fault else None,
            )
            await to_thread.run_sync(self.journal.add, entry)

        async def send_noted(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                status.append(-1)  # the answer is complete
                # Noted before its last part leaves: the client's next request on the same
                # connection may read the journal before this task would have got past it.
                await note()
            await send(message)

        try:
            await self.app(scope, receive_noted, send_noted)
        finally:
            if not noted:  # no complete answer (a dropped connection, a crash)
                await note()
