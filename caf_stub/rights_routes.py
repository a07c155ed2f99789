"""``/api/v1/account/{declarations,benefits,attestations/…}``: the file rights of issue 18,
each checked against the caller's rights on every request."""

from __future__ import annotations

from fastapi import APIRouter, Response

from caf_stub import attestations, benefits, declarations
from caf_stub.errors import errors_doc
from caf_stub.routes import Authed, Context
from caf_tui.api import API_PREFIX, ErrorCode
from caf_tui.api.declarations import (
    AddressChangeRequest,
    AttestationKind,
    AttestationSent,
    BenefitAnswers,
    BenefitReceipt,
    BenefitsResponse,
    BenefitSummary,
    DeclarationReceipt,
    DeclarationsResponse,
    DeclarationSummary,
    FamilySituationRequest,
)

E = ErrorCode
_SESSION = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.STEP_MISMATCH, E.INTERNAL_ERROR)
_WRITE = (*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR, E.PAYLOAD_TOO_LARGE)

router = APIRouter(prefix=API_PREFIX + "/account", tags=["declarations"])


@router.get(
    "/declarations",
    response_model=DeclarationsResponse,
    summary="The household's declarations, newest first (holder, or spouse granted the right)",
    responses=errors_doc(*_SESSION, E.FORBIDDEN),
)
def get_declarations(context: Context, caller: Authed) -> DeclarationsResponse:
    return declarations.declarations(context, caller)


@router.post(
    "/declarations/address/summary",
    response_model=DeclarationSummary,
    summary="Check a new address and its date; what would be declared (nothing recorded)",
    responses=errors_doc(*_WRITE),
)
def post_address_summary(
    body: AddressChangeRequest, context: Context, caller: Authed
) -> DeclarationSummary:
    return declarations.address_summary(context, caller, body)


@router.post(
    "/declarations/address",
    response_model=DeclarationReceipt,
    summary="Declare a move: the file's address changes; an « accusé de réception » answers",
    responses=errors_doc(*_WRITE),
)
def post_address(
    body: AddressChangeRequest, context: Context, caller: Authed
) -> DeclarationReceipt:
    return declarations.declare_address(context, caller, body)


@router.post(
    "/declarations/family_situation/summary",
    response_model=DeclarationSummary,
    summary="Check a change of family situation; what would be declared (nothing recorded)",
    responses=errors_doc(*_WRITE),
)
def post_situation_summary(
    body: FamilySituationRequest, context: Context, caller: Authed
) -> DeclarationSummary:
    return declarations.situation_summary(context, caller, body)


@router.post(
    "/declarations/family_situation",
    response_model=DeclarationReceipt,
    summary="Declare living as a couple or a separation, with its date",
    responses=errors_doc(*_WRITE),
)
def post_situation(
    body: FamilySituationRequest, context: Context, caller: Authed
) -> DeclarationReceipt:
    return declarations.declare_situation(context, caller, body)


@router.get(
    "/benefits",
    response_model=BenefitsResponse,
    tags=["benefits"],
    summary="The benefits one may request, with their questions described as data",
    responses=errors_doc(*_SESSION, E.FORBIDDEN),
)
def get_benefits(context: Context, caller: Authed) -> BenefitsResponse:
    return benefits.benefits(context, caller)


@router.post(
    "/benefits/{benefit_id}/summary",
    response_model=BenefitSummary,
    tags=["benefits"],
    summary="Check the answers; what would be requested (nothing recorded)",
    responses=errors_doc(*_WRITE, E.NOT_FOUND),
)
def post_benefit_summary(
    benefit_id: str, body: BenefitAnswers, context: Context, caller: Authed
) -> BenefitSummary:
    return benefits.summary(context, caller, benefit_id, body)


@router.post(
    "/benefits/{benefit_id}/requests",
    response_model=BenefitReceipt,
    tags=["benefits"],
    summary="Request the benefit; refused (409) while one is pending for the same benefit",
    responses=errors_doc(*_WRITE, E.NOT_FOUND, E.ALREADY_PENDING),
)
def post_benefit_request(
    benefit_id: str, body: BenefitAnswers, context: Context, caller: Authed
) -> BenefitReceipt:
    return benefits.send(context, caller, benefit_id, body)


@router.get(
    "/attestations/{kind}/pdf",
    response_class=Response,
    tags=["attestations"],
    summary="The attestation as a PDF file (application/pdf)",
    responses={
        200: {"content": {"application/pdf": {}}, "description": "The PDF file."},
        **errors_doc(*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR),
    },
)
def get_attestation_pdf(kind: AttestationKind, context: Context, caller: Authed) -> Response:
    name, content = attestations.pdf(context, caller, kind)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post(
    "/attestations/{kind}/send",
    response_model=AttestationSent,
    tags=["attestations"],
    summary="Send the attestation to the person's e-mail (the kiosk's way: nothing on disk)",
    responses=errors_doc(*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR, E.CHANNEL_UNAVAILABLE),
)
def post_attestation_send(
    kind: AttestationKind, context: Context, caller: Authed
) -> AttestationSent:
    return attestations.send(context, caller, kind)
