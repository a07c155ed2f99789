"""One ASGI middleware: the ``X-Caf-Stub`` header on every answer, and the body size limit."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend_stub.errors import STUB_HEADER, error_response
from caf_tui.api import HTTP_STATUS, ErrorCode, ErrorDetail

MAX_BODY_BYTES = 16 * 1024


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

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if STUB_HEADER[0] not in headers:
                    headers.append(*STUB_HEADER)
            await send(message)

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
