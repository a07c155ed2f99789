"""« Faire une demande de prestation »: the benefits the stub offers, each with its few
questions described as data (one description for every front end), the answers checked by the
rules named, the request recorded once, and refused while one is pending for the same benefit."""

from __future__ import annotations

from caf_stub.context import Context
from caf_stub.declarations import checked
from caf_stub.errors import ApiError
from caf_stub.filings import BENEFIT_REQUEST, receipt_fields, record
from caf_stub.rights import require_right
from caf_stub.sessions import Authed
from caf_stub.store import Filing
from caf_tui import rules
from caf_tui.api import ErrorCode
from caf_tui.api.declarations import (
    Benefit,
    BenefitAnswers,
    BenefitQuestion,
    BenefitReceipt,
    BenefitsResponse,
    BenefitSummary,
    QuestionKind,
    SummaryLine,
)
from caf_tui.api.steps import SpouseRight

BENEFITS: tuple[Benefit, ...] = (
    Benefit(
        id="prime_activite",
        title="Prime d'activité",
        description="Un complément de revenus pour les personnes qui travaillent.",
        questions=[
            BenefitQuestion(
                id="activity_income",
                label="vos revenus d'activité du mois dernier",
                kind=QuestionKind.AMOUNT_EUROS,
                help="Le montant net de vos salaires, en euros.",
                rule="parse_amount_euros",
                minimum=0,
                maximum=20000,
            ),
            BenefitQuestion(
                id="household_size",
                label="le nombre de personnes du foyer",
                kind=QuestionKind.COUNT,
                help="Vous compris(e).",
                rule="parse_count",
                minimum=1,
                maximum=15,
            ),
            BenefitQuestion(
                id="other_income",
                label="percevez-vous d'autres ressources (chômage, pension) ?",
                kind=QuestionKind.YES_NO,
                rule="parse_yes_no",
            ),
        ],
    ),
    Benefit(
        id="allocation_rentree_scolaire",
        title="Allocation de rentrée scolaire",
        description="Une aide pour les enfants de 6 à 18 ans scolarisés, versée en août.",
        questions=[
            BenefitQuestion(
                id="school_children",
                label="le nombre d'enfants de 6 à 18 ans scolarisés",
                kind=QuestionKind.COUNT,
                rule="parse_count",
                minimum=1,
                maximum=12,
            ),
            BenefitQuestion(
                id="household_income",
                label="les revenus du foyer l'an dernier",
                kind=QuestionKind.AMOUNT_EUROS,
                help="Le revenu net imposable de votre avis d'impôt, en euros.",
                rule="parse_amount_euros",
                minimum=0,
                maximum=500000,
            ),
        ],
    ),
)
BY_ID = {benefit.id: benefit for benefit in BENEFITS}


def _answer(question: BenefitQuestion, text: str) -> str:
    """The answer as shown back to the person, once its rule accepts it."""
    if question.kind is QuestionKind.AMOUNT_EUROS:
        cents = checked(
            lambda: rules.parse_amount_euros(text, question.label, question.maximum or 0),
            question.id,
        )
        return f"{cents // 100},{cents % 100:02d} €"
    if question.kind is QuestionKind.COUNT:
        count = checked(
            lambda: rules.parse_count(
                text, question.label, question.minimum or 0, question.maximum or 0
            ),
            question.id,
        )
        return str(count)
    return (
        "Oui" if checked(lambda: rules.parse_yes_no(text, question.label), question.id) else "Non"
    )


def _benefit(benefit_id: str) -> Benefit:
    benefit = BY_ID.get(benefit_id)
    if benefit is None:
        names = ", ".join(f"« {b.id} »" for b in BENEFITS)
        raise ApiError(
            ErrorCode.NOT_FOUND,
            f"Cette prestation n'existe pas sur le service : choisissez parmi {names}.",
            field="benefit_id",
        )
    return benefit


def _lines(benefit: Benefit, request: BenefitAnswers) -> list[SummaryLine]:
    expected = {question.id for question in benefit.questions}
    for key in request.answers:
        if key not in expected:
            raise ApiError(
                ErrorCode.VALIDATION_ERROR,
                f"Cette question n'existe pas pour la {benefit.title.lower()} : retirez-la de "
                "la demande.",
                field=key[:40],
            )
    lines = [SummaryLine(label="Prestation", value=benefit.title)]
    for question in benefit.questions:
        text = request.answers.get(question.id, "").strip()
        if not text:
            raise ApiError(
                ErrorCode.VALIDATION_ERROR,
                f"Répondez à la question : {question.label}.",
                field=question.id,
            )
        label = question.label[:1].upper() + question.label[1:]
        lines.append(SummaryLine(label=label, value=_answer(question, text)))
    return lines


def benefits(context: Context, caller: Authed) -> BenefitsResponse:
    with context.store.transaction():
        require_right(context, caller, SpouseRight.REQUEST_BENEFIT)
    return BenefitsResponse(benefits=list(BENEFITS))


def summary(
    context: Context, caller: Authed, benefit_id: str, request: BenefitAnswers
) -> BenefitSummary:
    with context.store.transaction():
        require_right(context, caller, SpouseRight.REQUEST_BENEFIT)
    benefit = _benefit(benefit_id)
    return BenefitSummary(benefit=benefit.id, title=benefit.title, lines=_lines(benefit, request))


def send(
    context: Context, caller: Authed, benefit_id: str, request: BenefitAnswers
) -> BenefitReceipt:
    store = context.store
    with store.transaction():
        account = require_right(context, caller, SpouseRight.REQUEST_BENEFIT)
        benefit = _benefit(benefit_id)
        lines = _lines(benefit, request)
        pending = [
            f
            for f in store.filings(account.household_id, BENEFIT_REQUEST, subject=benefit.id)
            if f.status == "pending"
        ]
        if pending:
            first = pending[0]
            raise ApiError(
                ErrorCode.ALREADY_PENDING,
                f"Une demande de {benefit.title.lower()} est déjà en cours d'examen pour ce "
                f"dossier (référence {first.reference}, reçue le "
                f"{first.received_at:%d/%m/%Y}) : attendez la réponse de votre Caf avant "
                "d'en faire une autre.",
                field="benefit_id",
            )
        filing = record(
            context,
            account,
            kind=BENEFIT_REQUEST,
            subject=benefit.id,
            title=f"Demande de {benefit.title.lower()}",
            lines=lines,
        )
        return receipt(filing)


def receipt(filing: Filing) -> BenefitReceipt:
    return BenefitReceipt(**receipt_fields(filing), benefit=filing.subject)
