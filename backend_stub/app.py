"""``create_app``: the stub as a FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from backend_stub import control, routes
from backend_stub.clock import Clock
from backend_stub.context import StubContext
from backend_stub.errors import install_error_handlers
from backend_stub.middleware import StubMiddleware
from backend_stub.settings import StubSettings
from backend_stub.store import Store

DESCRIPTION = """\
An offline stand-in for the CAF « Mon Compte » portal, speaking the contract of `caf_tui.api`.
Every non-2xx answer is `{"error": {"code", "message", "field", ...}}`; every answer carries
`X-Caf-Stub: 1`. The `/_stub` routes are QA handles (clock, outbox, fixed codes, reset).
"""


def create_app(settings: StubSettings | None = None, clock: Clock | None = None) -> FastAPI:
    """Build the stub: open (and seed if empty) the store of ``settings.db``."""
    settings = settings if settings is not None else StubSettings()
    if clock is None:
        clock = Clock(settings.start_time, frozen=settings.frozen)
    store = Store(settings.db)
    context = StubContext(
        settings=settings, clock=clock, store=store, fixed_code=settings.fixed_code
    )
    context.seed_if_empty()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="caf-tui stub portal",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.stub = context
    install_error_handlers(app)
    app.add_middleware(StubMiddleware)
    app.include_router(routes.router)
    if settings.control_api is not False:
        app.include_router(control.router)
    return app


def context_of(app: FastAPI) -> StubContext:
    context = app.state.stub
    assert isinstance(context, StubContext)
    return context
