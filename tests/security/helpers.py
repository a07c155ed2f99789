"""Helpers of the doors' security tests (HTTP against the real uvicorn stub)."""

from __future__ import annotations

from caf_tui import rules

WRONG = "Wrong12345"


def unknown_nir(n: int) -> str:
    """A well-formed NIR nobody has (department 99, country 998, correct key)."""
    body = f"19905999980{n % 100:02d}"
    return rules.normalise_nir(body + f"{97 - int(body) % 97:02d}")


# The stub tests' fixtures, for the modules here that import them (no conftest of our own:
# the directory is shared with other test files).
from tests.stub.conftest import portal, portal_on  # noqa: E402

__all__ = ["WRONG", "portal", "portal_on", "unknown_nir"]
