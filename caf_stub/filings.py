"""What a declaration and a benefit request share: the record in the household's file, its
reference, the « accusé de réception » answered and sent to the person's e-mail (the outbox)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from caf_stub.context import StubContext
from caf_stub.messages import PHISHING_WARNING, SIGNATURE
from caf_stub.store import Account, Filing
from caf_tui.api import Channel
from caf_tui.api.declarations import SummaryLine

DECLARATION = "declaration"
BENEFIT_REQUEST = "benefit_request"
_PREFIX = {DECLARATION: "DC", BENEFIT_REQUEST: "PR"}
RECENT = 5
"""How many of the latest declarations and requests the dashboard lists."""


def paris(moment: datetime) -> datetime:
    try:
        return moment.astimezone(ZoneInfo("Europe/Paris"))
    except ZoneInfoNotFoundError:  # no tz database: UTC will do for a demo
        return moment.astimezone(UTC)


def record(
    context: StubContext,
    account: Account,
    *,
    kind: str,
    subject: str,
    title: str,
    lines: list[SummaryLine],
) -> Filing:
    """Record the filing, send its acknowledgment by e-mail. The caller holds a transaction."""
    store, now = context.store, context.clock.now()
    reference = f"{_PREFIX[kind]}-{paris(now):%Y%m%d}-{store.next_filing_id():05d}"
    filing_id = store.insert_filing(
        reference=reference,
        household_id=account.household_id,
        account_id=account.id,
        kind=kind,
        subject=subject,
        title=title,
        lines=json.dumps([line.model_dump() for line in lines], ensure_ascii=False),
        received_at=now,
        emailed_to=account.email,
    )
    if account.email:
        body = "\n\n".join(
            [
                "Bonjour,",
                f"Votre Caf a bien reçu votre démarche en ligne : {title}.",
                "\n".join(f"{line.label} : {line.value}" for line in lines),
                f"Référence : {reference}\nReçue le {paris(now):%d/%m/%Y à %H:%M}.",
                "Conservez ce message : il vaut accusé de réception.\n" + SIGNATURE,
                PHISHING_WARNING,
            ]
        )
        store.add_message(
            account.id, Channel.EMAIL, account.email, f"Accusé de réception : {title}", body, now
        )
    store.audit(kind, account.id, now, f"{subject} {reference}")
    recorded = store.filings(account.household_id, kind, limit=1)[0]
    assert recorded.id == filing_id
    return recorded


def lines_of(filing: Filing) -> list[SummaryLine]:
    return [SummaryLine.model_validate(item) for item in json.loads(filing.lines)]


def receipt_fields(filing: Filing) -> dict[str, Any]:
    """What every « accusé de réception » of ``filing`` says, whatever its kind adds."""
    return {
        "reference": filing.reference,
        "received_at": filing.received_at,
        "title": filing.title,
        "lines": lines_of(filing),
        "emailed_to": filing.emailed_to,
    }
