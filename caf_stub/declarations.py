"""« Déclarer un changement »: a new address, or a change of family situation.

Each field is checked with its rule (``caf_tui.rules``); the summary call records nothing, the
send call records the declaration in the household's file and updates the file (the address,
the situation), both for the holder and for a spouse granted « déclarer des changements ».
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from caf_stub.context import Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.filings import DECLARATION, receipt_fields, record
from caf_stub.rights import require_right
from caf_stub.sessions import Authed
from caf_stub.store import Account, Filing
from caf_tui import rules
from caf_tui.api import ErrorCode
from caf_tui.api.declarations import (
    AddressChangeRequest,
    DeclarationKind,
    DeclarationReceipt,
    DeclarationsResponse,
    DeclarationSummary,
    FamilySituation,
    FamilySituationRequest,
    SummaryLine,
)
from caf_tui.api.steps import SpouseRight

T = TypeVar("T")

ADDRESS_TITLE = "Changement d'adresse"
SITUATION_TITLE = "Changement de situation familiale"
SITUATION_WORDS = {
    FamilySituation.COUPLE: "Vie en couple (mariage, Pacs ou concubinage)",
    FamilySituation.SEPARATION: "Séparation",
}
HOUSEHOLD_SITUATION = {FamilySituation.COUPLE: "couple", FamilySituation.SEPARATION: "single"}


def checked(rule: Callable[[], T], field: str) -> T:
    """``rule()``'s value, or the field's 422 with the rule's French message."""
    try:
        return rule()
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field=field) from exc


def _event_date(text: str, field: str, label: str, max_age_days: int, today: date) -> date:
    when = checked(lambda: rules.parse_date(text, label), field)
    checked(lambda: rules.check_past_date(when, today, label, max_age_days), field)
    return when


def _address(context: StubContext, request: AddressChangeRequest) -> tuple[str, date]:
    street = checked(lambda: rules.normalise_street(request.street), "street")
    postal = checked(lambda: rules.normalise_postal_code(request.postal_code), "postal_code")
    try:
        commune = rules.check_commune(postal, request.commune)
    except rules.RuleError as exc:  # an unknown code postal is the code's fault, not the commune's
        field = "postal_code" if exc.code == "postal_code_unknown" else "commune"
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field=field) from exc
    today = context.clock.now().date()
    moved_on = _event_date(
        request.moved_on, "moved_on", "la date du déménagement", rules.MAX_MOVE_AGE_DAYS, today
    )
    return f"{street}, {postal} {commune}", moved_on


def address_summary(
    context: Context, caller: Authed, request: AddressChangeRequest
) -> DeclarationSummary:
    with context.store.transaction():
        require_right(context, caller, SpouseRight.DECLARE_CHANGES)
    address, moved_on = _address(context, request)
    return DeclarationSummary(
        kind=DeclarationKind.ADDRESS, title=ADDRESS_TITLE, lines=_address_lines(address, moved_on)
    )


def _address_lines(address: str, moved_on: date) -> list[SummaryLine]:
    return [
        SummaryLine(label="Nouvelle adresse", value=address),
        SummaryLine(label="Date du déménagement", value=f"{moved_on:%d/%m/%Y}"),
    ]


def declare_address(
    context: Context, caller: Authed, request: AddressChangeRequest
) -> DeclarationReceipt:
    store = context.store
    with store.transaction():
        account = require_right(context, caller, SpouseRight.DECLARE_CHANGES)
        address, moved_on = _address(context, request)
        household = store.household(account.household_id)
        assert household is not None
        if household.address == address:
            raise ApiError(
                ErrorCode.VALIDATION_ERROR,
                "Cette adresse est déjà celle de votre dossier : saisissez la nouvelle adresse.",
                field="street",
            )
        store.update_household(account.household_id, address=address)
        lines = _address_lines(address, moved_on)
        return _declared(context, account, DeclarationKind.ADDRESS, ADDRESS_TITLE, lines)


def _situation(context: StubContext, request: FamilySituationRequest) -> list[SummaryLine]:
    today = context.clock.now().date()
    since = _event_date(
        request.since, "since", "la date du changement", rules.MAX_SITUATION_AGE_DAYS, today
    )
    return [
        SummaryLine(label="Nouvelle situation", value=SITUATION_WORDS[request.situation]),
        SummaryLine(label="Depuis le", value=f"{since:%d/%m/%Y}"),
    ]


def situation_summary(
    context: Context, caller: Authed, request: FamilySituationRequest
) -> DeclarationSummary:
    with context.store.transaction():
        require_right(context, caller, SpouseRight.DECLARE_CHANGES)
    return DeclarationSummary(
        kind=DeclarationKind.FAMILY_SITUATION,
        title=SITUATION_TITLE,
        lines=_situation(context, request),
    )


def declare_situation(
    context: Context, caller: Authed, request: FamilySituationRequest
) -> DeclarationReceipt:
    store = context.store
    with store.transaction():
        account = require_right(context, caller, SpouseRight.DECLARE_CHANGES)
        lines = _situation(context, request)
        household = store.household(account.household_id)
        assert household is not None
        if household.situation == HOUSEHOLD_SITUATION[request.situation]:
            already = (
                "vit déjà en couple"
                if request.situation is FamilySituation.COUPLE
                else "indique déjà une personne seule"
            )
            raise ApiError(
                ErrorCode.VALIDATION_ERROR,
                f"Votre dossier {already} : choisissez la situation qui a changé.",
                field="situation",
            )
        store.update_household(
            account.household_id, situation=HOUSEHOLD_SITUATION[request.situation]
        )
        kind = DeclarationKind.FAMILY_SITUATION
        return _declared(context, account, kind, SITUATION_TITLE, lines)


def _declared(
    context: StubContext,
    account: Account,
    kind: DeclarationKind,
    title: str,
    lines: list[SummaryLine],
) -> DeclarationReceipt:
    """The declaration recorded in the household's file; its « accusé de réception »."""
    filing = record(
        context, account, kind=DECLARATION, subject=kind.value, title=title, lines=lines
    )
    return receipt(filing)


def receipt(filing: Filing) -> DeclarationReceipt:
    return DeclarationReceipt(**receipt_fields(filing), kind=DeclarationKind(filing.subject))


def declarations(context: Context, caller: Authed) -> DeclarationsResponse:
    store = context.store
    with store.transaction():
        account = require_right(context, caller, SpouseRight.DECLARE_CHANGES)
        filings = store.filings(account.household_id, DECLARATION)
        return DeclarationsResponse(declarations=[receipt(f) for f in filings])
