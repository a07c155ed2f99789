"""Each test of the command line gets its own empty config dir and no ``CAF_TUI_*`` variable
but the language, so the machine's settings never leak in."""

from __future__ import annotations

import logging
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
    config_home = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    yield config_home / "caf-tui" / "config.toml"


@pytest.fixture
def config_toml(clean_settings: Path) -> Path:
    """Where ``caf-tui`` looks for its config file in this test (not written yet)."""
    clean_settings.parent.mkdir(parents=True, exist_ok=True)
    return clean_settings


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """configure_logging() replaces the root's handlers and sets the stub's logger level: give
    them back afterwards, for every test here (``cli.main`` run in-process configures logging
    too, and a later test in the same worker would otherwise lose the stub's records)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    named = {
        name: (
            logging.getLogger(name).handlers[:],
            logging.getLogger(name).level,
            logging.getLogger(name).propagate,
        )
        for name in ("backend_stub", "uvicorn", "uvicorn.error", "uvicorn.access", "httpx")
    }
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers, root.level = handlers, level
    for name, (kept, kept_level, propagate) in named.items():
        logger = logging.getLogger(name)
        logger.handlers, logger.level, logger.propagate = kept, kept_level, propagate
