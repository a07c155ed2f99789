"""More QA handles under ``/_stub``: wait for the next message, faults, the request journal.

The same door as ``control`` (``qa_guard``): the loopback, or beyond only when enabled.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Annotated, Literal

from fastapi import FastAPI, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from caf_stub.context import Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.faults import ActiveFault, FaultRule, Faults
from caf_stub.journal import Journal, JournalEntry
from caf_stub.personas import PERSONAS, copy_household, household_of
from caf_stub.qa_guard import qa_router
from caf_tui import rules
from caf_tui.api import Channel, ErrorCode, OutboxMessage

CODE_IN_BODY = re.compile(r"(?<!\d)(\d{6})(?!\d)")
POLL_SECONDS = 0.02

router = qa_router()


class OutboxCursor:
    """Without a ``consumer``: per channel and recipient ('' for all), the id of the last
    message ``/outbox/next`` returned (this process only, as before consumers)."""

    def __init__(self) -> None:
        self.last: dict[tuple[Channel, str], int] = {}


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


def _newest_after(
    context: StubContext, channel: Channel, recipient: str | None, after: int
) -> OutboxMessage | None:
    messages = [m for m in context.store.messages() if m.channel == channel.value]
    if messages and messages[0].id < after:
        after = 0  # the outbox was wiped (reset) since: ids started again
    wanted = None if recipient is None else recipient.lower()
    fresh = [m for m in messages if m.id > after and wanted in (None, m.to.lower())]
    return fresh[0] if fresh else None


def _recipient(to: str | None) -> tuple[str | None, Channel | None]:
    """``to`` as the outbox writes it (E.164 phone, normalised e-mail) and its channel."""
    if to is None:
        return None, None
    try:
        if "@" in to:
            return rules.normalise_email(to), Channel.EMAIL
        return rules.normalise_phone(to), Channel.SMS
    except rules.RuleError as exc:
        other = "" if "@" in to else " Ou bien donnez une adresse e-mail."
        raise ApiError(
            ErrorCode.VALIDATION_ERROR, f"Paramètre to : {exc.message}{other}", field="to"
        ) from exc


Consumer = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9._-]+$",
        description="Who waits: each consumer has its own place in the outbox, kept in the "
        "database (a restart keeps it).",
    ),
]


@router.get(
    "/outbox/next",
    response_model=NextMessage,
    summary="Wait for the next message of a channel (to one recipient) and return its code",
)
async def next_message(
    request: Request,
    context: Context,
    channel: Channel | None = None,
    to: Annotated[
        str | None,
        Query(max_length=254, description="A phone number in any usual form, or an e-mail."),
    ] = None,
    consumer: Consumer = None,
    timeout: Annotated[float, Query(ge=0, le=60)] = 5.0,
) -> NextMessage:
    """The newest message of ``channel`` (to ``to`` when given) not yet returned to
    ``consumer`` (or, without one, to any caller of this process), waiting up to ``timeout``
    seconds for one to be sent. The channel defaults to the one of ``to``, else SMS."""
    recipient, channel_of_recipient = _recipient(to)
    chosen = channel or channel_of_recipient or Channel.SMS
    cursor = cursor_of(request)
    deadline = time.monotonic() + timeout
    while True:
        if consumer is None:
            after = cursor.last.get((chosen, recipient or ""), 0)
            found = await asyncio.to_thread(_newest_after, context, chosen, recipient, after)
            if found is not None:
                cursor.last[(chosen, recipient or "")] = found.id
        else:
            found = await asyncio.to_thread(
                context.store.take_next_message, consumer, chosen, recipient
            )
        if found is not None:
            match = CODE_IN_BODY.search(found.body)
            return NextMessage(message=found, code=match.group(1) if match else None)
        if time.monotonic() >= deadline:
            raise ApiError(
                ErrorCode.NOT_FOUND,
                f"Aucun nouveau message ({chosen.value}"
                + (f" pour {recipient}" if recipient is not None else "")
                + f") reçu en {timeout:g} s.",
            )
        await asyncio.sleep(POLL_SECONDS)


class CopyRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    source: str = Field(alias="from", max_length=32, description="A persona's key: karim…")


class CopiedPerson(BaseModel):
    copy_of: str = Field(description="The persona this person copies.")
    given_names: str
    family_name: str
    identifier_kind: Literal["nir", "temporary"]
    identifier: str = Field(description="What to type at login.")
    password: str | None = Field(description="Its password, told only in this answer.")
    phone: str | None
    email: str | None


class CopiedHousehold(BaseModel):
    numero_allocataire: str
    members: list[CopiedPerson] = Field(description="The household's people; ``from`` first.")


@router.post(
    "/personas",
    response_model=CopiedHousehold,
    status_code=201,
    summary="A fresh copy of a persona's household for one tester (until the next reset)",
)
def copy_persona(body: CopyRequest, context: Context) -> CopiedHousehold:
    household = household_of(body.source)
    if household is None:
        known = ", ".join(sorted(PERSONAS))
        raise ApiError(
            ErrorCode.VALIDATION_ERROR,
            f"Aucun persona « {body.source} » : choisissez parmi {known}.",
            field="from",
        )
    numero, copies = copy_household(
        context.store,
        household,
        context.clock.now(),
        lock_minutes=context.settings.lock_minutes,
        max_failures=context.settings.max_login_failures,
    )
    people = [
        CopiedPerson(
            copy_of=copy.key,
            given_names=copy.given_names,
            family_name=copy.family_name,
            identifier_kind="temporary" if copy.temporary_id else "nir",
            identifier=copy.identifier,
            password=copy.password,
            phone=copy.phone,
            email=copy.email,
        )
        for copy in copies
    ]
    people.sort(key=lambda person: person.copy_of != body.source)
    return CopiedHousehold(numero_allocataire=numero, members=people)


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
