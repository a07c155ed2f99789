"""The one door of every ``/_stub`` route: the loopback, or beyond only when explicitly enabled.

A router of QA handles takes it as a dependency: ``APIRouter(dependencies=[QA_ONLY])``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from caf_stub.context import StubContext, get_context
from caf_stub.errors import ApiError
from caf_stub.settings import is_loopback
from caf_tui.api import ErrorCode


def require_qa_access(
    request: Request, context: Annotated[StubContext, Depends(get_context)]
) -> None:
    """404, as for an address that does not exist, unless the control API is enabled or the
    client is on the loopback (the socket's peer, never a header the request sends)."""
    if context.settings.control_api is True:
        return
    host = request.client.host if request.client else ""
    if not is_loopback(host):
        raise ApiError(ErrorCode.NOT_FOUND, "Cette adresse n'existe pas sur le service.")


QA_ONLY = Depends(require_qa_access)
"""The dependency to put on a router of QA handles."""
