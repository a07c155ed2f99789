"""Backends the app can talk to, chosen from the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caf_tui.backend.errors import BackendError

if TYPE_CHECKING:
    from caf_tui.backend.base import Backend
    from caf_tui.config import Settings

ENTRY_POINT_GROUP = "caf_tui.backends"


class UnknownBackendKind(Exception):
    """``--backend-kind`` names no installed backend."""


def make_backend(settings: Settings) -> Backend:
    """The backend the settings ask for: a plug-in, a server's URL, or the embedded stub."""
    if settings.backend_kind != "http":
        # Not at import: the login's first frame imports this package (its errors), and
        # importlib.metadata costs a tenth of a bare Textual app's paint.
        from importlib.metadata import entry_points

        for entry in entry_points(group=ENTRY_POINT_GROUP):
            if entry.name == settings.backend_kind:
                factory = entry.load()
                backend: Backend = factory(settings)
                return backend
        raise UnknownBackendKind(settings.backend_kind)
    if settings.backend_url:
        from caf_tui.backend.http import HttpBackend

        return HttpBackend(settings.backend_url)
    from caf_tui.backend.embedded import EmbeddedBackend

    return EmbeddedBackend(settings.stub_db)


def __getattr__(name: str) -> Any:
    # The protocol brings every model of the contract: imported when asked for (PEP 562).
    if name == "Backend":
        from caf_tui.backend.base import Backend

        return Backend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Backend", "BackendError", "UnknownBackendKind", "make_backend"]
