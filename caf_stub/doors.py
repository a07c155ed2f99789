"""What the two ways in before any session (« Mot de passe oublié ? », « Créer Mon Compte »)
share: a request followed by a flow token, that ends or expires."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar

from caf_stub.errors import ApiError
from caf_tui.api import ErrorCode


class DoorFlow(Protocol):
    @property
    def expires_at(self) -> datetime: ...

    @property
    def finished_at(self) -> datetime | None: ...


F = TypeVar("F", bound=DoorFlow)


def live_flow(flow: F | None, now: datetime, request: str, door: str) -> F:
    """``flow`` while it goes on; else 410 flow_expired, naming the ``request`` ("de nouveau
    mot de passe") and the ``door`` to start again from."""
    if flow is None or flow.finished_at is not None or now >= flow.expires_at:
        raise ApiError(
            ErrorCode.FLOW_EXPIRED,
            f"Cette demande {request} a expiré ou est terminée : recommencez depuis « {door} ».",
        )
    return flow
