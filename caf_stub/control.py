"""``/_stub``: the QA handles of the stub (clock, outbox, fixed codes, reset). Stub only.

Served when ``control_api`` is True, or left at None and the client is on the loopback. Kept
out of the OpenAPI document, which publishes the contract only (the same whatever the settings).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated, Literal

from fastapi import Request, Response, Security
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, Field

from caf_stub.clock import ClockOutOfRange, in_range
from caf_stub.codes import typed_code
from caf_stub.context import Context, StubContext
from caf_stub.control_qa import reset_qa_state
from caf_stub.errors import ApiError, errors_doc
from caf_stub.qa_guard import qa_router
from caf_stub.sessions import bearer, resolve
from caf_tui.api import ErrorCode, OutboxMessage

log = logging.getLogger("caf_stub")


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    now: datetime
    frozen: bool


class ClockState(BaseModel):
    now: datetime
    frozen: bool


class AdvanceClock(BaseModel):
    advance_seconds: float = Field(
        description="Seconds to move the clock (negative: back); it stays from 2000 to 2099."
    )


class SetClock(BaseModel):
    now: datetime | None = Field(
        default=None, description="The time to set (ISO 8601), from 2000 to 2099 (UTC)."
    )
    frozen: bool | None = Field(default=None, description="Freeze (true) or let run (false).")


class FixedCode(BaseModel):
    code: str | None = Field(default=None, max_length=16, description="6 digits, or null.")


router = qa_router()


def _clock_state(context: StubContext) -> ClockState:
    return ClockState(now=context.clock.now(), frozen=context.clock.frozen)


@router.get("/health", response_model=Health, summary="The stub answers")
def health(context: Context) -> Health:
    return Health(now=context.clock.now(), frozen=context.clock.frozen)


@router.get(
    "/outbox",
    response_model=list[OutboxMessage],
    summary="Messages « sent », newest first (with a bearer token: that person's only)",
    responses=errors_doc(ErrorCode.UNAUTHENTICATED, ErrorCode.SESSION_EXPIRED),
)
def outbox(
    context: Context,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> list[OutboxMessage]:
    if credentials is None:
        return context.store.messages()
    caller = resolve(context, credentials.credentials, touch=False)
    return context.store.messages(caller.account_id)


@router.delete("/outbox", status_code=204, response_class=Response, summary="Empty the outbox")
def clear_outbox(context: Context) -> Response:
    context.store.clear_outbox()
    return Response(status_code=204)


@router.get("/clock", response_model=ClockState, summary="The stub's time")
def get_clock(context: Context) -> ClockState:
    return _clock_state(context)


@router.post("/clock", response_model=ClockState, summary="Move the clock by some seconds")
def advance_clock(body: AdvanceClock, context: Context) -> ClockState:
    try:
        context.clock.advance(body.advance_seconds)
    except ClockOutOfRange as exc:
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field="advance_seconds") from exc
    log.info("stub clock advanced by %s s", body.advance_seconds)
    return _clock_state(context)


@router.put("/clock", response_model=ClockState, summary="Set the clock and/or freeze it")
def set_clock(body: SetClock, context: Context) -> ClockState:
    target = None
    if body.now is not None:
        try:
            target = in_range(body.now)  # before anything moves: a refusal changes nothing
        except ClockOutOfRange as exc:
            raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field="now") from exc
    if body.frozen is True:
        context.clock.freeze()
    if target is not None:
        context.clock.set(target)
    if body.frozen is False:
        context.clock.unfreeze()
    return _clock_state(context)


@router.post("/reset", response_model=Health, summary="Wipe everything and reseed the personas")
def reset(context: Context, request: Request) -> Health:
    context.reseed()
    reset_qa_state(request.app)  # faults, request journal, outbox cursor
    log.info("stub reset")
    return Health(now=context.clock.now(), frozen=context.clock.frozen)


@router.put(
    "/fixed-code",
    response_model=FixedCode,
    summary="Make every new verification code this value (null: random codes again)",
)
def set_fixed_code(body: FixedCode, context: Context) -> FixedCode:
    if body.code is None:
        context.fixed_code = None
    else:
        context.fixed_code = typed_code(body.code)
    return FixedCode(code=context.fixed_code)
