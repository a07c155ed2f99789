"""``/api/v1/account/{declarations,benefits,attestations/…}``: the file rights of issue 18,
each checked against the caller's rights on every request."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from caf_stub import attestations, benefits, declarations
from caf_stub.route_table import Operation, add_operations
from caf_tui.api import API_PREFIX, ErrorCode

E = ErrorCode
_SESSION = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.STEP_MISMATCH, E.INTERNAL_ERROR)
_WRITE = (*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR, E.PAYLOAD_TOO_LARGE)
_PDF: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "The PDF file."}
}

DECLARATIONS = (
    Operation(
        "get_declarations",
        "GET /declarations",
        declarations.declarations,
        "The household's declarations, newest first (holder, or spouse granted the right)",
        (*_SESSION, E.FORBIDDEN),
    ),
    Operation(
        "post_address_summary",
        "POST /declarations/address/summary",
        declarations.address_summary,
        "Check a new address and its date; what would be declared (nothing recorded)",
        _WRITE,
    ),
    Operation(
        "post_address",
        "POST /declarations/address",
        declarations.declare_address,
        "Declare a move: the file's address changes; an « accusé de réception » answers",
        _WRITE,
    ),
    Operation(
        "post_situation_summary",
        "POST /declarations/family_situation/summary",
        declarations.situation_summary,
        "Check a change of family situation; what would be declared (nothing recorded)",
        _WRITE,
    ),
    Operation(
        "post_situation",
        "POST /declarations/family_situation",
        declarations.declare_situation,
        "Declare living as a couple or a separation, with its date",
        _WRITE,
    ),
)

BENEFITS = (
    Operation(
        "get_benefits",
        "GET /benefits",
        benefits.benefits,
        "The benefits one may request, with their questions described as data",
        (*_SESSION, E.FORBIDDEN),
    ),
    Operation(
        "post_benefit_summary",
        "POST /benefits/{benefit_id}/summary",
        benefits.summary,
        "Check the answers; what would be requested (nothing recorded)",
        (*_WRITE, E.NOT_FOUND),
    ),
    Operation(
        "post_benefit_request",
        "POST /benefits/{benefit_id}/requests",
        benefits.send,
        "Request the benefit; refused (409) while one is pending for the same benefit",
        (*_WRITE, E.NOT_FOUND, E.ALREADY_PENDING),
    ),
)

ATTESTATIONS = (
    Operation(
        "get_attestation_pdf",
        "GET /attestations/{kind}/pdf",
        attestations.pdf,
        "The attestation as a PDF file (application/pdf)",
        (*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR),
        response_class=Response,
        responses=_PDF,
    ),
    Operation(
        "post_attestation_send",
        "POST /attestations/{kind}/send",
        attestations.send,
        "Send the attestation to the person's e-mail (the kiosk's way: nothing on disk)",
        (*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR, E.CHANNEL_UNAVAILABLE),
    ),
)

router = add_operations(
    APIRouter(prefix=API_PREFIX + "/account", tags=["declarations"]), DECLARATIONS
)
add_operations(router, BENEFITS, tags=("benefits",))
add_operations(router, ATTESTATIONS, tags=("attestations",))
