"""``create_app``: the stub as a FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from caf_stub import (
    account_routes,
    control,
    control_qa,
    doors_routes,
    franceconnect,
    rights_routes,
    routes,
)
from caf_stub.clock import Clock
from caf_stub.context import StubContext
from caf_stub.errors import install_error_handlers
from caf_stub.faults import FaultMiddleware, Faults
from caf_stub.french import FrenchMiddleware
from caf_stub.hash_memory import give_hash_memory_back
from caf_stub.idempotency import IdempotencyMiddleware
from caf_stub.journal import Journal, JournalMiddleware
from caf_stub.middleware import HashingCostMiddleware, StubMiddleware
from caf_stub.redaction import Redactor
from caf_stub.route_table import RouteTable
from caf_stub.settings import StubSettings
from caf_stub.store import Store

DESCRIPTION = """\
An offline stand-in for the CAF « Mon Compte » portal, speaking the contract of `caf_tui.api`.
Every non-2xx answer is `{"error": {"code", "message", "field", ...}}`; every answer carries
`X-Caf-Stub: 1`. The `/_stub` routes are QA handles (clock, outbox, fixed codes, reset).
A write sent with a bearer token and an `Idempotency-Key` header (1 to 255 visible characters)
is done once: the same key on the same route in the same session, within 10 minutes, gets the
first answer again, with `Idempotency-Replayed: true` (another body under that key: 422).
"""


ROUTERS = (
    routes.router,
    account_routes.router,
    doors_routes.router,
    franceconnect.router,
    control.router,
    control_qa.router,
)


def routes_redactor() -> Redactor:
    """The journal's redaction for every route the stub can serve, without a store: for the
    logs of a process that has no stub app at hand (caf-tui against any backend)."""
    bare = FastAPI()
    for router in ROUTERS:
        bare.include_router(router)
    return Redactor.for_routes(RouteTable.of(bare))


def create_app(
    settings: StubSettings | None = None, clock: Clock | None = None, *, worker: bool = False
) -> FastAPI:
    """Build the stub: open (and seed if empty) the store of ``settings.db``. A ``worker`` of
    several leaves to its supervisor what is done once for all (``server.serve_workers``)."""
    settings = settings if settings is not None else StubSettings()
    give_hash_memory_back()
    if clock is None:
        clock = Clock(settings.start_time, frozen=settings.frozen)
    store = Store(settings.db)
    if not worker:
        store.drop_pending_claims()
    clock.share(store)
    context = StubContext(settings=settings, clock=clock, store=store)
    context.start_fixed_code(settings.fixed_code, worker=worker)
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
        # Starlette's slash redirect writes the request's Host into Location: a 404 instead.
        redirect_slashes=False,
    )
    app.state.stub = context
    # QA: faults injected and the request journal (caf_stub/faults.py, journal.py)
    app.state.faults, app.state.journal = Faults(store), Journal(store)
    app.state.outbox_cursor = control_qa.OutboxCursor()
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(account_routes.router)
    app.include_router(doors_routes.router)
    app.include_router(rights_routes.router)  # declarations, benefits, attestations (issue 18)
    app.include_router(franceconnect.router)  # demo provider + relying party (issue 5)
    if settings.control_api is not False:
        app.include_router(control.router)
        app.include_router(control_qa.router)
    # What the journal and the logs may write of a request, from the routes just included.
    app.state.routes_table = RouteTable.of(app)
    app.state.redactor = Redactor.for_routes(app.state.routes_table)
    # Innermost: an answer lost on its way out (a fault) is replayed to the retry.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(FaultMiddleware, faults=app.state.faults)
    app.add_middleware(StubMiddleware)
    app.add_middleware(JournalMiddleware, journal=app.state.journal, redactor=app.state.redactor)
    app.add_middleware(FrenchMiddleware)  # the portal's words stay French (caf_stub/french)
    app.add_middleware(HashingCostMiddleware, cheapest=settings.cheapest_hashes)
    return app


def context_of(app: FastAPI) -> StubContext:
    context = app.state.stub
    assert isinstance(context, StubContext)
    return context
