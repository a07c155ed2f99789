"""``/api/v1/account/*``: the sections of « Mon Compte », each checked against the role."""

from __future__ import annotations

from fastapi import APIRouter, Request

from caf_stub import account, account_contact, account_security
from caf_stub.errors import errors_doc
from caf_stub.routes import Authed, Context
from caf_tui.api import API_PREFIX, ErrorCode
from caf_tui.api.account import (
    AttestationsResponse,
    AuthorisationsResponse,
    ChangePasswordRequest,
    ConnectionsResponse,
    ContactChangeRequest,
    ContactChangeStarted,
    ContactCodeRequest,
    LogoutEverywhereResponse,
    PaymentsResponse,
    ProfileResponse,
    UpdateAuthorisationsRequest,
)

E = ErrorCode
_SESSION = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.STEP_MISMATCH, E.INTERNAL_ERROR)

router = APIRouter(prefix=API_PREFIX + "/account", tags=["account"])


@router.get(
    "/profile",
    response_model=ProfileResponse,
    summary="« Mon profil »: open to every member with an account",
    responses=errors_doc(*_SESSION),
)
def get_profile(context: Context, caller: Authed) -> ProfileResponse:
    return account.profile(context, caller)


@router.get(
    "/payments",
    response_model=PaymentsResponse,
    summary="« Mes droits et paiements »: the file holder or an authorised spouse",
    responses=errors_doc(*_SESSION, E.FORBIDDEN),
)
def get_payments(context: Context, caller: Authed) -> PaymentsResponse:
    return account.payments(context, caller)


@router.get(
    "/attestations",
    response_model=AttestationsResponse,
    summary="« Mes attestations »: those the role may download",
    responses=errors_doc(*_SESSION, E.FORBIDDEN),
)
def get_attestations(context: Context, caller: Authed) -> AttestationsResponse:
    return account.attestations(context, caller)


@router.get(
    "/authorisations",
    response_model=AuthorisationsResponse,
    summary="The spouse's rights (file holder only)",
    responses=errors_doc(*_SESSION, E.FORBIDDEN),
)
def get_authorisations(context: Context, caller: Authed) -> AuthorisationsResponse:
    return account.authorisations(context, caller)


@router.put(
    "/authorisations",
    response_model=AuthorisationsResponse,
    summary="Grant or withdraw the spouse's rights (effective on the spouse's next request)",
    responses=errors_doc(*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR),
)
def put_authorisations(
    body: UpdateAuthorisationsRequest, context: Context, caller: Authed
) -> AuthorisationsResponse:
    return account.update_authorisations(context, caller, body.spouse_authorised, body.rights)


@router.post(
    "/password",
    response_model=LogoutEverywhereResponse,
    summary="Change the password (the current one first); every other session ends",
    responses=errors_doc(
        *_SESSION,
        E.INVALID_CREDENTIALS,
        E.ACCOUNT_LOCKED,
        E.TOO_MANY_ATTEMPTS,
        E.PASSWORD_POLICY,
        E.PASSWORD_MISMATCH,
    ),
)
def post_password(
    body: ChangePasswordRequest, context: Context, caller: Authed, request: Request
) -> LogoutEverywhereResponse:
    client = request.client.host if request.client else ""
    return account_security.change_password(context, caller, body, client)


@router.get(
    "/connections",
    response_model=ConnectionsResponse,
    summary="The account's recent connections, newest first",
    responses=errors_doc(E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.INTERNAL_ERROR),
)
def get_connections(context: Context, caller: Authed) -> ConnectionsResponse:
    return account_security.connections(context, caller)


@router.post(
    "/logout_everywhere",
    response_model=LogoutEverywhereResponse,
    summary="End every session of the account, this one included",
    responses=errors_doc(E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.INTERNAL_ERROR),
)
def post_logout_everywhere(context: Context, caller: Authed) -> LogoutEverywhereResponse:
    return account_security.logout_everywhere(context, caller)


@router.post(
    "/contact",
    response_model=ContactChangeStarted,
    summary="A new phone or e-mail (the current password first): a code is sent to it; "
    "nothing changes until it comes back",
    responses=errors_doc(
        *_SESSION,
        E.INVALID_PHONE,
        E.INVALID_EMAIL,
        E.OTP_SEND_LIMIT,
        E.INVALID_CREDENTIALS,
        E.ACCOUNT_LOCKED,
        E.TOO_MANY_ATTEMPTS,
    ),
)
def post_contact(
    body: ContactChangeRequest, context: Context, caller: Authed, request: Request
) -> ContactChangeStarted:
    client = request.client.host if request.client else ""
    return account_contact.start(context, caller, body, client)


@router.post(
    "/contact/verify",
    response_model=ProfileResponse,
    summary="The code sent to the new phone or e-mail: the change is saved",
    responses=errors_doc(*_SESSION, E.OTP_INVALID, E.OTP_EXPIRED, E.OTP_ATTEMPTS_EXCEEDED),
)
def post_contact_verify(
    body: ContactCodeRequest, context: Context, caller: Authed
) -> ProfileResponse:
    return account_contact.verify(context, caller, body.code.get_secret_value())
