"""Fixtures for driving the Textual app against a real stub over HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from tests.keyrings import MemoryKeyring


@pytest.fixture
def make_app(stub: object, memory_keyring: MemoryKeyring) -> Callable[..., CafApp]:
    """``make_app(**settings)``: the app on the test stub, steady cursor, a memory keyring."""

    def make(**overrides: object) -> CafApp:
        settings = Settings.model_validate({"cursor_blink": False, **overrides})
        return CafApp(settings, backend=HttpBackend(stub.url))  # type: ignore[attr-defined]

    return make
