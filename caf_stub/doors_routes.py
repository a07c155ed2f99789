"""The ways in before any session: ``/api/v1/recovery`` (« Mot de passe oublié ? », a flow
token instead of a session) and ``/api/v1/signup`` (« Créer Mon Compte »)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from caf_stub import recovery, signup
from caf_stub.errors import errors_doc
from caf_stub.routes import Context
from caf_tui.api import API_PREFIX, AuthResponse, ErrorCode, JourneyResponse
from caf_tui.api.recovery import (
    RecoveryCodeRequest,
    RecoveryFlowRequest,
    RecoveryPasswordRequest,
    RecoveryResponse,
    RecoveryStartRequest,
)
from caf_tui.api.signup import (
    SignupCodeRequest,
    SignupFlowRequest,
    SignupRequest,
    SignupResponse,
)

E = ErrorCode
_ALWAYS = (E.VALIDATION_ERROR, E.PAYLOAD_TOO_LARGE, E.INTERNAL_ERROR)

router = APIRouter(prefix=API_PREFIX)


def _client(request: Request) -> str:
    """The TCP peer's address (what uvicorn saw), never what a header claims."""
    return request.client.host if request.client else ""


@router.post(
    "/recovery",
    tags=["recovery"],
    response_model=RecoveryResponse,
    summary="Ask for a new password: the same answer whether the identifier exists or not",
    responses=errors_doc(E.INVALID_IDENTIFIER, E.TOO_MANY_ATTEMPTS, *_ALWAYS),
)
def start_recovery(
    body: RecoveryStartRequest, context: Context, request: Request
) -> RecoveryResponse:
    return recovery.start(context, body, _client(request))


@router.post(
    "/recovery/code",
    tags=["recovery"],
    response_model=RecoveryResponse,
    summary="Check the code sent to the contact on file",
    responses=errors_doc(
        E.FLOW_EXPIRED,
        E.OTP_INVALID,
        E.OTP_EXPIRED,
        E.OTP_ATTEMPTS_EXCEEDED,
        E.TOO_MANY_ATTEMPTS,
        *_ALWAYS,
    ),
)
def recovery_code(
    body: RecoveryCodeRequest, context: Context, request: Request
) -> RecoveryResponse:
    return recovery.verify_code(
        context,
        body.flow_token.get_secret_value(),
        body.code.get_secret_value(),
        _client(request),
    )


@router.post(
    "/recovery/password",
    tags=["recovery"],
    response_model=RecoveryResponse,
    summary="Set the new password; every session of the account ends",
    responses=errors_doc(
        E.FLOW_EXPIRED, E.STEP_MISMATCH, E.PASSWORD_POLICY, E.PASSWORD_MISMATCH, *_ALWAYS
    ),
)
def recovery_password(body: RecoveryPasswordRequest, context: Context) -> RecoveryResponse:
    return recovery.set_password(
        context,
        body.flow_token.get_secret_value(),
        body.password.get_secret_value(),
        body.confirmation.get_secret_value(),
    )


@router.post(
    "/recovery/legacy_resend",
    tags=["recovery"],
    response_model=RecoveryResponse,
    summary="« Le renvoi de votre mot de passe à 8 chiffres » (accounts not yet migrated)",
    responses=errors_doc(E.FLOW_EXPIRED, E.STEP_MISMATCH, E.FORBIDDEN, *_ALWAYS),
)
def recovery_legacy_resend(body: RecoveryFlowRequest, context: Context) -> RecoveryResponse:
    return recovery.resend_legacy(context, body.flow_token.get_secret_value())


@router.post(
    "/signup",
    response_model=SignupResponse,
    tags=["signup"],
    summary="« Créer Mon Compte »: the file and the person match; a code goes to a contact on "
    "file (no session yet)",
    responses=errors_doc(
        E.IDENTITY_NO_MATCH,
        E.ACCOUNT_EXISTS,
        E.TOO_YOUNG,
        E.INVALID_IDENTIFIER,
        E.CHANNEL_UNAVAILABLE,
        E.TOO_MANY_ATTEMPTS,
        *_ALWAYS,
    ),
)
def post_signup(body: SignupRequest, context: Context, request: Request) -> SignupResponse:
    return signup.signup(context, body, _client(request))


@router.post(
    "/signup/code",
    response_model=AuthResponse,
    tags=["signup"],
    summary="The code sent to the contact on file: the account is linked, a session opens",
    responses=errors_doc(
        E.FLOW_EXPIRED,
        E.OTP_INVALID,
        E.OTP_EXPIRED,
        E.OTP_ATTEMPTS_EXCEEDED,
        E.TOO_MANY_ATTEMPTS,
        E.ACCOUNT_EXISTS,
        *_ALWAYS,
    ),
)
def post_signup_code(body: SignupCodeRequest, context: Context, request: Request) -> AuthResponse:
    return signup.verify_code(
        context,
        body.flow_token.get_secret_value(),
        body.code.get_secret_value(),
        _client(request),
    )


@router.post(
    "/signup/code/resend",
    response_model=SignupResponse,
    tags=["signup"],
    summary="« Demander » a new code, to the same contact on file",
    responses=errors_doc(E.FLOW_EXPIRED, E.OTP_RESEND_TOO_SOON, E.OTP_SEND_LIMIT, *_ALWAYS),
)
def post_signup_resend(body: SignupFlowRequest, context: Context) -> SignupResponse:
    return signup.resend_code(context, body.flow_token.get_secret_value())


@router.post(
    "/signup/cancel",
    response_model=JourneyResponse,
    tags=["signup"],
    summary="Leave the sign-up at its code (no contact to change before the proof): the login",
    responses=errors_doc(*_ALWAYS),
)
def post_signup_cancel(body: SignupFlowRequest, context: Context) -> JourneyResponse:
    return signup.cancel(context, body.flow_token.get_secret_value())
