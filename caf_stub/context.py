"""What every request handler works with: settings, clock, store, and the live tunables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from caf_stub.clock import Clock
from caf_stub.personas import seed
from caf_stub.security import hashing
from caf_stub.settings import StubSettings
from caf_stub.store import Store
from caf_tui.api import PasswordPolicy


@dataclass
class StubContext:
    settings: StubSettings
    clock: Clock
    store: Store

    @property
    def fixed_code(self) -> str | None:
        """Every new verification code takes this value when set (from settings or /_stub):
        kept in the store, so that every worker of a stub reads the same one."""
        return self.store.fixed_code()

    @fixed_code.setter
    def fixed_code(self, code: str | None) -> None:
        with self.store.transaction():
            self.store.write_fixed_code(code)

    def start_fixed_code(self, code: str | None, *, worker: bool) -> None:
        """The settings' code at a start: a worker leaves the one its supervisor wrote, or
        that QA has set since (a worker restarted after a crash)."""
        with self.store.transaction():
            self.store.write_fixed_code(code, only_if_absent=worker)

    @property
    def policy(self) -> PasswordPolicy:
        return PasswordPolicy(
            min_length=self.settings.password_min_length,
            max_length=self.settings.password_max_length,
        )

    def seed_if_empty(self) -> None:
        with self.store.transaction():
            if self.store.is_empty():
                self.reseed()

    def reseed(self) -> None:
        """Wipe every table and insert the demo households, as of the clock's now."""
        with hashing(self.settings.cheapest_hashes), self.store.transaction():
            self.store.wipe()
            seed(
                self.store,
                self.clock.now(),
                lock_minutes=self.settings.lock_minutes,
                max_failures=self.settings.max_login_failures,
            )


def get_context(request: Request) -> StubContext:
    context = request.app.state.stub
    assert isinstance(context, StubContext)
    return context


# The dependencies below read the request and nothing else: ``async`` keeps them on the event
# loop, where FastAPI runs a plain ``def`` dependency in a worker thread, one hop each (a stub
# request made five; each hop cost about as much CPU as the handler of a QA route).


async def context_of(request: Request) -> StubContext:
    """The dependency: ``get_context`` on the event loop."""
    return get_context(request)


async def client_address(request: Request) -> str:
    """The TCP peer's address (what uvicorn saw), never what a header claims."""
    return request.client.host if request.client else ""


Context = Annotated[StubContext, Depends(context_of)]
"""A handler's parameter: the stub it serves."""
Client = Annotated[str, Depends(client_address)]
"""A handler's parameter: who is asking, for the throttles."""
