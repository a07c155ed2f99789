"""Fixtures of the account tests: HTTP sessions on the shared stub (``portal()``), and the app
(``make_app`` of tests/tui, re-exported here; ``memory_keyring`` is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from caf_stub import RunningStub
from tests.stub.helpers import Portal
from tests.tui.conftest import make_app

__all__ = ["make_app"]


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
