"""Fixtures of the account tests, re-exported from where they are written once: HTTP sessions
on the shared stub (``portal()``, tests/stub/conftest.py) and the app (``make_app``,
tests/tui/conftest.py); ``memory_keyring`` is in tests/conftest.py."""

from __future__ import annotations

from tests.stub.conftest import portal
from tests.tui.conftest import make_app

__all__ = ["make_app", "portal"]
