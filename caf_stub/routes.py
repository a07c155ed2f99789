"""``/api/v1``: exactly the endpoints ``caf_tui.backend.http.HttpBackend`` calls."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from caf_stub import auth, dashboard, franceconnect, journey_handlers
from caf_stub.context import StubContext, get_context
from caf_stub.errors import errors_doc
from caf_stub.sessions import Caller, end, require_caller
from caf_tui.api import (
    API_PREFIX,
    AcceptTermsRequest,
    AuthResponse,
    ChoosePasswordRequest,
    ConfirmContactRequest,
    DashboardResponse,
    ErrorCode,
    JourneyResponse,
    LoginRequest,
    SpouseAuthorisationRequest,
    UpdateContactRequest,
    VerifyCodeRequest,
)

E = ErrorCode
Context = Annotated[StubContext, Depends(get_context)]
Authed = Annotated[Caller, Depends(require_caller)]

_ALWAYS = (E.VALIDATION_ERROR, E.PAYLOAD_TOO_LARGE, E.INTERNAL_ERROR)
_SESSION = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.STEP_MISMATCH)

router = APIRouter(prefix=API_PREFIX)


@router.post(
    "/auth/login",
    response_model=AuthResponse,
    tags=["auth"],
    summary="Open a session with a NIR (13 or 15 digits) or a temporary identifier",
    responses=errors_doc(
        E.INVALID_IDENTIFIER,
        E.INVALID_CREDENTIALS,
        E.ACCOUNT_LOCKED,
        E.TOO_MANY_ATTEMPTS,
        *_ALWAYS,
    ),
)
def login(body: LoginRequest, context: Context, request: Request) -> AuthResponse:
    return auth.login(context, body, client=request.client.host if request.client else "")


@router.post(
    "/auth/logout",
    status_code=204,
    response_class=Response,
    tags=["auth"],
    summary="End the session",
    responses=errors_doc(E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.INTERNAL_ERROR),
)
def logout(request: Request, context: Context, caller: Authed) -> Response:
    end(context, caller)
    franceconnect.on_logout(request, caller.session_id)  # ends the provider session too
    return Response(status_code=204)


@router.get(
    "/journey",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="The step the person owes now",
    responses=errors_doc(E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.INTERNAL_ERROR),
)
def current_step(context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.current(context, caller)


@router.post(
    "/journey/migration_intro/start",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="« Commencer » the migration",
    responses=errors_doc(*_SESSION, E.INTERNAL_ERROR),
)
def start_migration(context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.start(context, caller)


@router.post(
    "/journey/accept_terms",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Accept the conditions générales d'utilisation",
    responses=errors_doc(*_SESSION, E.TERMS_NOT_ACCEPTED, *_ALWAYS),
)
def accept_terms(body: AcceptTermsRequest, context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.accept_terms(context, caller, body)


@router.post(
    "/journey/choose_password",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Choose the new password (stored at once)",
    responses=errors_doc(*_SESSION, E.PASSWORD_POLICY, E.PASSWORD_MISMATCH, *_ALWAYS),
)
def choose_password(
    body: ChoosePasswordRequest, context: Context, caller: Authed
) -> JourneyResponse:
    return journey_handlers.choose_password(context, caller, body)


@router.put(
    "/journey/contact",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Correct the phone and/or e-mail on file (while confirming the contact details)",
    responses=errors_doc(*_SESSION, E.INVALID_PHONE, E.INVALID_EMAIL, *_ALWAYS),
)
def update_contact(body: UpdateContactRequest, context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.update_contact(context, caller, body)


@router.post(
    "/journey/confirm_contact",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Send a verification code by SMS (valid 10 min) or e-mail (valid 15 min)",
    responses=errors_doc(*_SESSION, E.CHANNEL_UNAVAILABLE, E.OTP_SEND_LIMIT, *_ALWAYS),
)
def confirm_contact(
    body: ConfirmContactRequest, context: Context, caller: Authed
) -> JourneyResponse:
    return journey_handlers.confirm_contact(context, caller, body)


@router.post(
    "/journey/verify_code",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Check the verification code",
    responses=errors_doc(
        *_SESSION, E.OTP_INVALID, E.OTP_EXPIRED, E.OTP_ATTEMPTS_EXCEEDED, *_ALWAYS
    ),
)
def verify_code(body: VerifyCodeRequest, context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.verify_code(context, caller, body)


@router.post(
    "/journey/verify_code/resend",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="« Demander » a new code by the same channel (the previous one stops working)",
    responses=errors_doc(*_SESSION, E.OTP_RESEND_TOO_SOON, E.OTP_SEND_LIMIT, E.INTERNAL_ERROR),
)
def resend_code(context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.resend_code(context, caller)


@router.post(
    "/journey/verify_code/change_contact",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Back to the contact details (the pending code is cancelled)",
    responses=errors_doc(*_SESSION, E.INTERNAL_ERROR),
)
def change_contact(context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.change_contact(context, caller)


@router.post(
    "/journey/account_created/continue",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Leave the « Espace Mon Compte créé » confirmation",
    responses=errors_doc(*_SESSION, E.INTERNAL_ERROR),
)
def acknowledge_account_created(context: Context, caller: Authed) -> JourneyResponse:
    return journey_handlers.acknowledge_created(context, caller)


@router.post(
    "/journey/spouse_authorisation",
    response_model=JourneyResponse,
    tags=["journey"],
    summary="Authorise the spouse, refuse, or skip",
    responses=errors_doc(*_SESSION, E.FORBIDDEN, *_ALWAYS),
)
def decide_spouse_authorisation(
    body: SpouseAuthorisationRequest, context: Context, caller: Authed
) -> JourneyResponse:
    return journey_handlers.decide_spouse(context, caller, body)


@router.get(
    "/account/dashboard",
    response_model=DashboardResponse,
    tags=["account"],
    summary="The « Mon Compte » home (once the journey is finished)",
    responses=errors_doc(*_SESSION, E.INTERNAL_ERROR),
)
def account_dashboard(context: Context, caller: Authed) -> DashboardResponse:
    return dashboard.dashboard(context, caller)
