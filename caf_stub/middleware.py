"""One ASGI middleware for what every answer shares: the ``X-Caf-Stub`` header,
``Cache-Control: no-store``, ``OPTIONS`` and ``Allow``, and the body size limit; and one that
sets the cost of the hashes a request makes."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caf_stub.errors import STUB_HEADER, error_response
from caf_stub.route_table import RouteTable
from caf_stub.security import hashing
from caf_tui.api import HTTP_STATUS, ErrorCode, ErrorDetail

MAX_BODY_BYTES = 16 * 1024
NO_STORE = ("Cache-Control", "no-store")
"""Answers carry session tokens, codes and personal data: no cache keeps any (ASVS 14.3.2)."""


def allowed_methods(app: object, path: str) -> list[str]:
    table = getattr(getattr(app, "state", None), "routes_table", None)
    return table.allowed_methods(path) if isinstance(table, RouteTable) else []


class StubMiddleware:
    """Marks every response as coming from the stub and refuses bodies over ``max_body``.

    The body is read in full before the application sees it (it is small by construction),
    so an oversize request is answered 413 in the one error shape whether or not it announced
    its length.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        allowed = allowed_methods(scope.get("app"), str(scope.get("path", "")))

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if STUB_HEADER[0] not in headers:
                    headers.append(*STUB_HEADER)
                if NO_STORE[0] not in headers:
                    headers.append(*NO_STORE)
                if message["status"] == 405 and allowed:
                    # Starlette names only the methods of the first route with this path.
                    headers["Allow"] = ", ".join(allowed)
            await send(message)

        if scope.get("method") == "OPTIONS" and allowed:
            await Response(status_code=204, headers={"Allow": ", ".join(allowed)})(
                scope, receive, send_marked
            )
            return

        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(scope, receive, send)
            return

        buffered: list[Message] = []
        total = 0
        while True:
            message = await receive()
            buffered.append(message)
            if message["type"] != "http.request":
                break
            total += len(message.get("body", b""))
            if total > self.max_body:
                await self._too_large(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            if buffered:
                return buffered.pop(0)
            return await receive()

        await self.app(scope, replay, send_marked)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        code = ErrorCode.PAYLOAD_TOO_LARGE
        detail = ErrorDetail(
            code=code,
            message=(
                f"La requête est trop volumineuse : le service accepte "
                f"{self.max_body // 1024} Kio au plus."
            ),
        )
        response = error_response(detail, HTTP_STATUS[code], {"Connection": "close"})
        await response(scope, receive, send)


class HashingCostMiddleware:
    """Every hash a request makes at the stub's cost (``StubSettings.cheapest_hashes``): set
    around the whole request, it reaches the endpoints run in the thread pool too (Starlette
    runs them in a copy of this context)."""

    def __init__(self, app: ASGIApp, cheapest: bool) -> None:
        self.app = app
        self.cheapest = cheapest

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with hashing(self.cheapest):
            await self.app(scope, receive, send)
