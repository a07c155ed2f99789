"""Snapshot tests: the app on a stub whose clock is frozen, with a steady cursor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def snapshot_app(stub: object) -> Callable[..., CafApp]:
    def make(**overrides: object) -> CafApp:
        settings = Settings.model_validate({"cursor_blink": False, "remember": False, **overrides})
        return CafApp(settings, backend=HttpBackend(stub.url))  # type: ignore[attr-defined]

    return make
