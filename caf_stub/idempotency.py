"""``Idempotency-Key``: a request sent again answers with the first answer, and acts once.

The client puts one key on every write of a person's action and keeps it across its retries
(``caf_tui.backend.retry``). Here, the same key on the same route (method and path) within the
same session, within ``WINDOW`` of the first answer, gets that first answer again, byte for byte,
with ``Idempotency-Replayed: true``; nothing runs a second time. A key reused for another body
is refused (422), as the IETF draft "The Idempotency-Key HTTP Header Field" asks.

Only requests with a bearer token are concerned: an answer is tied to its session, and the
login answer (which holds a token) is never kept. Answers that say "not now" rather than
"no" (401, 429, 5xx) are not kept either, so that the retry really runs. Answers live in the
stub's database, keyed by the SHA-256 of the token, never the token itself. A request claims its
key in the database before it runs: the same request sent at once to several workers runs in
one, the others wait for its answer and replay it.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from datetime import datetime, timedelta

from anyio import to_thread
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caf_stub.context import StubContext
from caf_stub.errors import error_response
from caf_stub.security import token_digest
from caf_stub.store import IdempotentAnswer
from caf_tui.api import HTTP_STATUS, ErrorCode, ErrorDetail

HEADER = "idempotency-key"
REPLAYED_HEADER = "Idempotency-Replayed"
WINDOW = timedelta(minutes=10)
CLAIM_POLL_SECONDS = 0.02
CLAIM_WAIT_SECONDS = 30.0
"""How long a request waits for the same request in another worker to answer."""
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
NOT_KEPT = frozenset({401, 429})
_KEY = re.compile(r"[\x21-\x7e]{1,255}")


def _bearer(headers: Headers) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def _refusal(message: str) -> ErrorDetail:
    return ErrorDetail(code=ErrorCode.VALIDATION_ERROR, message=message, field="Idempotency-Key")


class IdempotencyMiddleware:
    """Replays the first answer to a repeated ``Idempotency-Key`` (see the module's doc)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._locks: dict[tuple[str, str, str], asyncio.Lock] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key, token = headers.get(HEADER), _bearer(headers)
        if key is None or token is None:
            await self.app(scope, receive, send)
            return
        if not _KEY.fullmatch(key):
            detail = _refusal("L'en-tête Idempotency-Key doit compter 1 à 255 caractères visibles.")
            await error_response(detail, HTTP_STATUS[detail.code])(scope, receive, send)
            return
        ident = (token_digest(token), key, f"{scope['method']} {scope['path']}")
        lock = self._locks.setdefault(ident, asyncio.Lock())
        try:
            async with lock:  # the same request twice at once: the second waits for the first
                await self._once(ident, scope, receive, send)
        finally:
            if not lock.locked():
                self._locks.pop(ident, None)

    async def _once(
        self, ident: tuple[str, str, str], scope: Scope, receive: Receive, send: Send
    ) -> None:
        context: StubContext = scope["app"].state.stub
        body, messages = await _read_body(receive)
        fingerprint = hashlib.sha256(body).hexdigest()
        now = context.clock.now()
        stored = await _claim(context, ident, fingerprint, now)
        if stored is not None and stored.pending:
            busy = ErrorDetail(
                code=ErrorCode.INTERNAL_ERROR,
                message="La même demande est encore en cours de traitement : réessayez dans "
                "un instant.",
            )
            await error_response(busy, 503)(scope, receive, send)
            return
        if stored is not None:
            if stored.fingerprint != fingerprint:
                detail = _refusal(
                    "Cette clé Idempotency-Key a déjà servi pour une autre demande : "
                    "utilisez une nouvelle clé."
                )
                await error_response(detail, HTTP_STATUS[detail.code])(scope, receive, send)
                return
            await _replay(send, stored.status, stored.content_type, stored.body)
            return

        answer: list[Message] = []

        async def replay_request() -> Message:
            return messages.pop(0) if messages else await receive()

        async def keep(message: Message) -> None:
            answer.append(message)
            await send(message)

        try:
            await self.app(scope, replay_request, keep)
        finally:
            answer_status, answer_type, answer_body = _collected(answer)
            if answer_status is None or answer_status >= 500 or answer_status in NOT_KEPT:
                await to_thread.run_sync(context.store.drop_idempotent_claim, *ident)
            else:
                kept_status = answer_status
                await to_thread.run_sync(
                    lambda: context.store.keep_idempotent_answer(
                        session_hash=ident[0],
                        key=ident[1],
                        route=ident[2],
                        status=kept_status,
                        content_type=answer_type,
                        body=answer_body,
                        forget_before=context.clock.now() - WINDOW,
                    )
                )


async def _claim(
    context: StubContext, ident: tuple[str, str, str], fingerprint: str, now: datetime
) -> IdempotentAnswer | None:
    """None when this request runs (the key claimed); else the answer to replay, once the
    request that claimed the key first (in any worker) has answered; still pending after
    ``CLAIM_WAIT_SECONDS``, that claim."""
    deadline = time.monotonic() + CLAIM_WAIT_SECONDS
    while True:
        # A claim left pending past WINDOW (its worker died mid-request) is taken over.
        stored = await to_thread.run_sync(
            context.store.claim_idempotent_answer, *ident, fingerprint, now, now - WINDOW
        )
        if stored is None or not stored.pending or stored.fingerprint != fingerprint:
            return stored
        if time.monotonic() > deadline:
            return stored
        await asyncio.sleep(CLAIM_POLL_SECONDS)


async def _read_body(receive: Receive) -> tuple[bytes, list[Message]]:
    """The whole request body (already size-limited by ``StubMiddleware``) and its messages."""
    messages: list[Message] = []
    chunks: list[bytes] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks), messages


def _collected(messages: list[Message]) -> tuple[int | None, str | None, bytes]:
    status: int | None = None
    content_type: str | None = None
    chunks: list[bytes] = []
    for message in messages:
        if message["type"] == "http.response.start":
            status = int(message["status"])
            content_type = Headers(raw=message.get("headers", [])).get("content-type")
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
    return status, content_type, b"".join(chunks)


async def _replay(send: Send, status: int, content_type: str | None, body: bytes) -> None:
    headers = [
        (b"content-length", str(len(body)).encode()),
        (REPLAYED_HEADER.lower().encode(), b"true"),
    ]
    if content_type:
        headers.append((b"content-type", content_type.encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
