"""The collector held from the imports to the first frame (``cli.collector_held_until_painted``)
collects again once the app has painted, and at once if the app never runs."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from caf_stub import RunningStub
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.cli import collector_held_until_painted
from caf_tui.config import Settings
from tests.keyrings import MemoryKeyring


@pytest.fixture
def collector() -> Iterator[None]:
    yield
    gc.enable()
    gc.unfreeze()  # what the painted app froze is this test process's: collected as ever


async def test_the_app_collects_again_once_painted(
    collector: None, stub: RunningStub, memory_keyring: MemoryKeyring
) -> None:
    with collector_held_until_painted():
        app = CafApp(Settings(cursor_blink=False), backend=HttpBackend(stub.url))
        assert not gc.isenabled()
        async with app.run_test() as pilot:
            await pilot.pause()  # the first frame written
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # the start's objects: never walked again


def test_a_start_that_fails_before_its_frame_collects_again(collector: None) -> None:
    with pytest.raises(RuntimeError), collector_held_until_painted():
        raise RuntimeError("the settings were refused")
    assert gc.isenabled()
