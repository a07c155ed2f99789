"""The offline stand-in for the CAF « Mon Compte » portal.

``create_app`` builds the FastAPI application; ``serve_in_thread`` runs it under uvicorn in a
background thread (the terminal app embeds it this way); ``caf-stub`` runs it in the foreground.
The stub speaks the contract of ``caf_tui.api`` and enforces the rules of ``caf_tui.rules``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caf_stub.app import create_app
    from caf_stub.clock import Clock
    from caf_stub.server import RunningStub, serve_in_thread
    from caf_stub.settings import StubSettings

__all__ = ["Clock", "RunningStub", "StubSettings", "create_app", "serve_in_thread"]

# Loaded when first asked for, not with the package: a process that needs one light module
# (the replayer's ``caf_stub.faults``, the personas) does not load the whole application
# (FastAPI's routes, the PDF renderer), which is seconds in every spawned replay worker.
_HOMES = {
    "create_app": "caf_stub.app",
    "Clock": "caf_stub.clock",
    "RunningStub": "caf_stub.server",
    "serve_in_thread": "caf_stub.server",
    "StubSettings": "caf_stub.settings",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'caf_stub' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
