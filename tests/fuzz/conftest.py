"""Fixtures of the fuzzing tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from caf_stub import RunningStub, serve_in_thread
from caf_stub.testing import settings_for_tests


@pytest.fixture(scope="module")
def fuzzed_stub() -> Iterator[RunningStub]:
    """A stub of the test module's own, never throttled: throttling is tested elsewhere; here it
    would only hide the routes behind 429s."""
    running = serve_in_thread(settings_for_tests(client_max_failures=1_000_000))
    yield running
    running.stop()
