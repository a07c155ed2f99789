"""The portal speaks French: its answers (rule errors shared with the app) never follow the
language of a terminal app that embeds the stub in the same process."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from caf_tui.i18n import portal_voice


class FrenchMiddleware:
    """Pure ASGI: each request is handled in the portal's voice (a context variable, so the
    threads that serve sync routes inherit it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with portal_voice():
            await self.app(scope, receive, send)
