"""« Déclarer un changement », « Faire une demande de prestation » and « Mes attestations »:
the wire models. Each write has a summary call (nothing is recorded) and a send call (recorded
once, even when retried with the same ``Idempotency-Key``), answered with an « accusé de
réception ».

The values a person types travel as typed (strings): the server checks them with the rules of
``caf_tui.rules`` and answers a refusal with the field's French message.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field


class SummaryLine(BaseModel):
    label: str
    value: str


class DeclarationKind(StrEnum):
    ADDRESS = "address"
    FAMILY_SITUATION = "family_situation"


class FamilySituation(StrEnum):
    COUPLE = "couple"
    """« Vie en couple » (mariage, Pacs ou concubinage)."""
    SEPARATION = "separation"
    """« Séparation »."""


class AddressChangeRequest(BaseModel):
    """« Changement d'adresse »: where the household lives now, and since when."""

    street: str = Field(max_length=120, description="Number and street: 12 rue des Lilas.")
    postal_code: str = Field(max_length=10, description="5 digits, of the commune.")
    commune: str = Field(max_length=80)
    moved_on: str = Field(max_length=10, description="The move's date, JJ/MM/AAAA or ISO.")


class FamilySituationRequest(BaseModel):
    """« Changement de situation familiale »: living as a couple, or a separation, since when."""

    situation: FamilySituation
    since: str = Field(max_length=10, description="The change's date, JJ/MM/AAAA or ISO.")


class DeclarationSummary(BaseModel):
    """What would be declared, once every field passed its rule: shown to confirm."""

    kind: DeclarationKind
    title: str
    lines: list[SummaryLine]


class Receipt(BaseModel):
    """An « accusé de réception »: the reference, the date and what was sent."""

    reference: str
    received_at: datetime
    title: str
    lines: list[SummaryLine]
    emailed_to: str | None = Field(description="Where its copy was sent, if an e-mail is known.")


class DeclarationReceipt(Receipt):
    kind: DeclarationKind


class DeclarationsResponse(BaseModel):
    """The household's declarations, newest first."""

    declarations: list[DeclarationReceipt]


# --- benefits ----------------------------------------------------------------------------------


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    COUNT = "count"
    AMOUNT_EUROS = "amount_euros"


class BenefitQuestion(BaseModel):
    """One question of a benefit request, described once for every front end."""

    id: str
    label: str
    kind: QuestionKind
    help: str | None = None
    rule: str = Field(description="The caf_tui.rules function that checks the answer.")
    minimum: int | None = None
    maximum: int | None = None


class Benefit(BaseModel):
    id: str = Field(description="prime_activite, allocation_rentree_scolaire…")
    title: str
    description: str
    questions: list[BenefitQuestion]


class BenefitsResponse(BaseModel):
    benefits: list[Benefit]


class BenefitAnswers(BaseModel):
    """The answers, by question id, as typed."""

    answers: dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=64)]] = (
        Field(max_length=20)
    )


class BenefitSummary(BaseModel):
    benefit: str
    title: str
    lines: list[SummaryLine]


class BenefitReceipt(Receipt):
    benefit: str
    status: Literal["pending"] = "pending"


# --- attestations ------------------------------------------------------------------------------


class AttestationKind(StrEnum):
    SITUATION = "situation"
    PAIEMENT = "paiement"
    QUOTIENT_FAMILIAL = "quotient_familial"


class AttestationSent(BaseModel):
    """« Recevoir par e-mail » (the kiosk's way): nothing is written on the machine."""

    kind: AttestationKind
    filename: str
    emailed_to: str
    sent_at: datetime
