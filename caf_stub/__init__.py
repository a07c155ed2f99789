"""The offline stand-in for the CAF « Mon Compte » portal.

``create_app`` builds the FastAPI application; ``serve_in_thread`` runs it under uvicorn in a
background thread (the terminal app embeds it this way); ``caf-stub`` runs it in the foreground.
The stub speaks the contract of ``caf_tui.api`` and enforces the rules of ``caf_tui.rules``.
"""

from caf_stub.app import create_app
from caf_stub.clock import Clock
from caf_stub.server import RunningStub, serve_in_thread
from caf_stub.settings import StubSettings

__all__ = ["Clock", "RunningStub", "StubSettings", "create_app", "serve_in_thread"]
