"""More QA handles under ``/_stub``: wait for the next message, faults, the request journal.

The same door as ``control`` (``qa_guard``): the loopback, or beyond only when enabled.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from pydantic import BaseModel

from backend_stub.context import StubContext, get_context
from backend_stub.errors import ApiError, errors_doc
from backend_stub.faults import ActiveFault, FaultRule, Faults
from backend_stub.journal import Journal, JournalEntry
from backend_stub.qa_guard import QA_ONLY
from caf_tui.api import Channel, ErrorCode, OutboxMessage

CODE_IN_BODY = re.compile(r"(?<!\d)(\d{6})(?!\d)")
POLL_SECONDS = 0.02

router = APIRouter(
    prefix="/_stub",
    tags=["stub control"],
    dependencies=[QA_ONLY],
    include_in_schema=False,
    responses=errors_doc(ErrorCode.NOT_FOUND, ErrorCode.VALIDATION_ERROR),
)

Context = Annotated[StubContext, Depends(get_context)]


class OutboxCursor:
    """Per channel, the id of the last message ``/outbox/next`` returned."""

    def __init__(self) -> None:
        self.last: dict[Channel, int] = {}


class NextMessage(BaseModel):
    message: OutboxMessage
    code: str | None


def journal_of(request: Request) -> Journal:
    journal = request.app.state.journal
    assert isinstance(journal, Journal)
    return journal


def faults_of(request: Request) -> Faults:
    faults = request.app.state.faults
    assert isinstance(faults, Faults)
    return faults


def cursor_of(request: Request) -> OutboxCursor:
    cursor = request.app.state.outbox_cursor
    assert isinstance(cursor, OutboxCursor)
    return cursor


def reset_qa_state(app: FastAPI) -> None:
    """Back to the start: no fault, an empty journal, no message returned yet."""
    app.state.faults.clear()
    app.state.journal.clear()
    app.state.outbox_cursor.last.clear()


def _newest_after(context: StubContext, channel: Channel, after: int) -> OutboxMessage | None:
    messages = [m for m in context.store.messages() if m.channel == channel.value]
    if messages and messages[0].id < after:
        after = 0  # the outbox was wiped (reset) since: ids started again
    fresh = [m for m in messages if m.id > after]
    return fresh[0] if fresh else None


@router.get(
    "/outbox/next",
    response_model=NextMessage,
    summary="Wait for the next message of a channel and return it with its code",
)
async def next_message(
    request: Request,
    context: Context,
    channel: Channel = Channel.SMS,
    timeout: Annotated[float, Query(ge=0, le=60)] = 5.0,
) -> NextMessage:
    """The newest message of ``channel`` not yet returned here, waiting up to ``timeout``
    seconds for one to be sent."""
    cursor = cursor_of(request)
    deadline = time.monotonic() + timeout
    while True:
        found = await asyncio.to_thread(
            _newest_after, context, channel, cursor.last.get(channel, 0)
        )
        if found is not None:
            cursor.last[channel] = found.id
            match = CODE_IN_BODY.search(found.body)
            return NextMessage(message=found, code=match.group(1) if match else None)
        if time.monotonic() >= deadline:
            raise ApiError(
                ErrorCode.NOT_FOUND,
                f"Aucun nouveau message ({channel.value}) reçu en {timeout:g} s.",
            )
        await asyncio.sleep(POLL_SECONDS)


@router.post("/faults", response_model=ActiveFault, summary="Inject a fault on a route")
def add_fault(rule: FaultRule, request: Request) -> ActiveFault:
    return faults_of(request).add(rule)


@router.get("/faults", response_model=list[ActiveFault], summary="The faults in force")
def list_faults(request: Request) -> list[ActiveFault]:
    return faults_of(request).active()


@router.delete("/faults", status_code=204, response_class=Response, summary="Remove all faults")
def clear_faults(request: Request) -> Response:
    faults_of(request).clear()
    return Response(status_code=204)


@router.get(
    "/journal",
    response_model=list[JournalEntry],
    summary="The last requests (oldest first), secrets replaced by ***",
)
def journal(
    request: Request, limit: Annotated[int | None, Query(ge=1, le=500)] = None
) -> list[JournalEntry]:
    return journal_of(request).entries(limit)


@router.delete("/journal", status_code=204, response_class=Response, summary="Empty the journal")
def clear_journal(request: Request) -> Response:
    journal_of(request).clear()
    return Response(status_code=204)
