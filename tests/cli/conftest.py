"""Each test of the command line gets its own empty config dir and no ``CAF_TUI_*`` variable
but the language, so the machine's settings never leak in."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def clean_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in list(os.environ):
        if name.startswith(("CAF_TUI_", "CAF_STUB_")) or name == "ACCESSIBLE":
            monkeypatch.delenv(name)
    monkeypatch.setenv("CAF_TUI_LANG", "fr")
    # The validated settings and the flags' shapes are cached there (caf_tui/settings_cache.py).
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    config_home = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    yield config_home / "caf-tui" / "config.toml"


@pytest.fixture
def config_toml(clean_settings: Path) -> Path:
    """Where ``caf-tui`` looks for its config file in this test (not written yet)."""
    clean_settings.parent.mkdir(parents=True, exist_ok=True)
    return clean_settings
