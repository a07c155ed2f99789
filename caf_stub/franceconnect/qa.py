"""``/_stub/franceconnect``: QA handles of the demo provider (guarded like every /_stub route)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from caf_stub.context import StubContext, context_of
from caf_stub.errors import ApiError
from caf_stub.franceconnect.state import Fault, FranceConnectState, state_of
from caf_stub.qa_guard import QA_ONLY
from caf_tui.api import ErrorCode

router = APIRouter(prefix="/_stub/franceconnect", dependencies=[QA_ONLY], include_in_schema=False)


class FaultRequest(BaseModel):
    fault: Fault | None = None


@router.put("/fault", response_model=FaultRequest)
def set_fault(
    body: FaultRequest,
    fc: Annotated[FranceConnectState, Depends(state_of)],
    context: Annotated[StubContext, Depends(context_of)],
) -> FaultRequest:
    """Spoil the next ID token the provider issues (one shot): a foreign key, a wrong nonce,
    another audience, or an expired token."""
    if context.settings.control_api is False:
        raise ApiError(ErrorCode.NOT_FOUND, "Cette adresse n'existe pas sur le service.")
    with fc.lock:
        fc.fault = body.fault
    return FaultRequest(fault=fc.fault)
