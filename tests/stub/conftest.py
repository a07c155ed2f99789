"""Fixtures of the stub's HTTP tests (the ``stub`` server itself is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from caf_stub import RunningStub

from .helpers import Portal


@pytest.fixture
def portal(stub: RunningStub) -> Iterator[Callable[[], Portal]]:
    """Open sessions (``portal()``) on the shared, freshly reset stub."""
    opened: list[Portal] = []

    def open_portal() -> Portal:
        opened.append(Portal(stub))
        return opened[-1]

    yield open_portal
    for item in opened:
        item.close()


@pytest.fixture
def portal_on() -> Iterator[Callable[[RunningStub], Portal]]:
    """Open sessions on a stub of one's own (from ``stub_factory``)."""
    opened: list[Portal] = []

    def open_portal(running: RunningStub) -> Portal:
        opened.append(Portal(running))
        return opened[-1]

    yield open_portal
    for item in opened:
        item.close()
