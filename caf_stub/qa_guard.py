"""The one door of every ``/_stub`` route: the loopback, or beyond only when explicitly enabled.

A router of QA handles is made by ``qa_router``, which puts it behind that door.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from caf_stub.context import Client, Context
from caf_stub.errors import ApiError, errors_doc
from caf_stub.settings import is_loopback
from caf_tui.api import ErrorCode


async def require_qa_access(context: Context, client: Client) -> None:
    """404, as for an address that does not exist, unless the control API is enabled or the
    client is on the loopback (the socket's peer, never a header the request sends)."""
    if context.settings.control_api is True:
        return
    if not is_loopback(client):
        raise ApiError(ErrorCode.NOT_FOUND, "Cette adresse n'existe pas sur le service.")


QA_ONLY = Depends(require_qa_access)
"""The dependency of every QA handle."""


def qa_router() -> APIRouter:
    """A router of QA handles: under ``/_stub``, behind the door, out of the contract."""
    return APIRouter(
        prefix="/_stub",
        tags=["stub control"],
        dependencies=[QA_ONLY],
        include_in_schema=False,
        responses=errors_doc(ErrorCode.NOT_FOUND, ErrorCode.VALIDATION_ERROR),
    )
