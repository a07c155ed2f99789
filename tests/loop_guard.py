"""A pytest plugin of the repository's (the root conftest.py loads it, for tests/ and flows/):
no event loop left marked running by the browser tests reaches any other item.

Playwright's sync API keeps its event loop marked running on the main thread between its
calls, for as long as its browser is open (a session fixture of tests/browser): anything else
that runs asyncio then fails « asyncio.run() cannot be called from a running event loop ». The
browser tests run on one xdist worker (``--dist loadgroup``), which goes on with other items
after them: their fixtures of module or session scope too (a snapshot module's visit, set up
before any function fixture could help), and the flow items. So the mark is set aside for each
phase of every item but the browser's, and put back after it; the very last teardown, which
closes the browser, keeps it.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import AbstractContextManager, nullcontext

import pytest

from caf_tui.replay.pytest_plugin import own_event_loop


def _guarded(item: pytest.Item, *, lift: bool = True) -> AbstractContextManager[None]:
    """The flow items' own guard (``own_event_loop``), for every item but the browser's."""
    return (
        own_event_loop() if lift and item.get_closest_marker("browser") is None else nullcontext()
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    with _guarded(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    with _guarded(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, None, None]:
    with _guarded(item, lift=nextitem is not None):
        return (yield)
