"""Shared fixtures. The stub server ones:

- ``stub``: a REAL uvicorn serving the stub on 127.0.0.1 (``:memory:`` database, every code
  ``123456``, clock frozen at 2026-11-27T09:00:00Z), shared by the session and reset before
  each test (clock, fixed code, data). Use ``stub.url``, ``stub.clock``, ``stub.context``.
- ``stub_factory``: start more stubs with other settings, e.g.
  ``stub_factory(password_min_length=10)`` or ``stub_factory(db=str(tmp_path / "s.sqlite3"))``;
  each is stopped at the end of the test (or earlier with ``.stop()``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import keyring
import pytest

from backend_stub import RunningStub, serve_in_thread
from backend_stub.testing import CODE, START, settings_for_tests
from tests.keyrings import MemoryKeyring

STUB_START = START
STUB_CODE = CODE

# French whatever the machine's locale (an English LANG would switch the app to English); the
# tests of that choice (tests/accessibility) unset it. Child processes (e2e) inherit it.
os.environ["CAF_TUI_LANG"] = "fr"


def stub_client(running: RunningStub, **kwargs: Any) -> httpx.Client:
    """An HTTP client for a stub. Plain HTTP on the loopback: ``verify=False`` spares building
    a TLS context, some 40 ms per client."""
    return httpx.Client(base_url=running.url, timeout=10, verify=False, **kwargs)


def reset_stub(running: RunningStub) -> None:
    """Back to the start: clock, fixed code, personas, empty outbox (over HTTP, as QA would)."""
    with stub_client(running) as client:
        client.put(
            "/_stub/clock", json={"now": STUB_START.isoformat(), "frozen": True}
        ).raise_for_status()
        client.put("/_stub/fixed-code", json={"code": STUB_CODE}).raise_for_status()
        client.post("/_stub/reset").raise_for_status()


@pytest.fixture(scope="session")
def _shared_stub() -> Iterator[RunningStub]:
    running = serve_in_thread(settings_for_tests())
    yield running
    running.stop()


@pytest.fixture
def stub(_shared_stub: RunningStub) -> RunningStub:
    """The shared stub server, freshly reset."""
    reset_stub(_shared_stub)
    return _shared_stub


@pytest.fixture
def stub_factory() -> Iterator[Callable[..., RunningStub]]:
    """Start stubs of their own (``stub_factory(**settings overrides)``); stopped afterwards."""
    started: list[RunningStub] = []

    def start(**overrides: Any) -> RunningStub:
        running = serve_in_thread(settings_for_tests(**overrides))
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A keyring that records every call (the kiosk must make none), for this test only."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
