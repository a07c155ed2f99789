"""``/api/v1``: exactly the endpoints ``caf_tui.backend.http.HttpBackend`` calls."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from caf_stub import auth, dashboard, franceconnect
from caf_stub import journey_handlers as journey
from caf_stub.context import Context
from caf_stub.route_table import Operation, add_operations
from caf_stub.sessions import Authed, end
from caf_tui.api import API_PREFIX, ErrorCode

E = ErrorCode
_ALWAYS = (E.VALIDATION_ERROR, E.PAYLOAD_TOO_LARGE, E.INTERNAL_ERROR)
_SESSION = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.STEP_MISMATCH)
_SIGNED_IN = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.INTERNAL_ERROR)


def logout(request: Request, context: Context, caller: Authed) -> Response:
    end(context, caller)
    franceconnect.on_logout(request, caller.session_id)  # ends the provider session too
    return Response(status_code=204)


AUTH = (
    Operation(
        "login",
        "POST /auth/login",
        auth.login,
        "Open a session with a NIR (13 or 15 digits) or a temporary identifier",
        (
            E.INVALID_IDENTIFIER,
            E.INVALID_CREDENTIALS,
            E.ACCOUNT_LOCKED,
            E.TOO_MANY_ATTEMPTS,
            *_ALWAYS,
        ),
    ),
    Operation(
        "logout",
        "POST /auth/logout",
        logout,
        "End the session",
        _SIGNED_IN,
        status_code=204,
        response_class=Response,
    ),
)

JOURNEY = (
    Operation(
        "current_step",
        "GET /journey",
        journey.current,
        "The step the person owes now",
        _SIGNED_IN,
    ),
    Operation(
        "start_migration",
        "POST /journey/migration_intro/start",
        journey.start,
        "« Commencer » the migration",
        (*_SESSION, E.INTERNAL_ERROR),
    ),
    Operation(
        "accept_terms",
        "POST /journey/accept_terms",
        journey.accept_terms,
        "Accept the conditions générales d'utilisation",
        (*_SESSION, E.TERMS_NOT_ACCEPTED, *_ALWAYS),
    ),
    Operation(
        "choose_password",
        "POST /journey/choose_password",
        journey.choose_password,
        "Choose the new password (stored at once)",
        (*_SESSION, E.PASSWORD_POLICY, E.PASSWORD_MISMATCH, *_ALWAYS),
    ),
    Operation(
        "update_contact",
        "PUT /journey/contact",
        journey.update_contact,
        "Correct the phone and/or e-mail on file (while confirming the contact details)",
        (*_SESSION, E.INVALID_PHONE, E.INVALID_EMAIL, *_ALWAYS),
    ),
    Operation(
        "confirm_contact",
        "POST /journey/confirm_contact",
        journey.confirm_contact,
        "Send a verification code by SMS (valid 10 min) or e-mail (valid 15 min)",
        (*_SESSION, E.CHANNEL_UNAVAILABLE, E.OTP_SEND_LIMIT, *_ALWAYS),
    ),
    Operation(
        "verify_code",
        "POST /journey/verify_code",
        journey.verify_code,
        "Check the verification code",
        (*_SESSION, E.OTP_INVALID, E.OTP_EXPIRED, E.OTP_ATTEMPTS_EXCEEDED, *_ALWAYS),
    ),
    Operation(
        "resend_code",
        "POST /journey/verify_code/resend",
        journey.resend_code,
        "« Demander » a new code by the same channel (the previous one stops working)",
        (*_SESSION, E.OTP_RESEND_TOO_SOON, E.OTP_SEND_LIMIT, E.INTERNAL_ERROR),
    ),
    Operation(
        "change_contact",
        "POST /journey/verify_code/change_contact",
        journey.change_contact,
        "Back to the contact details (the pending code is cancelled)",
        (*_SESSION, E.INTERNAL_ERROR),
    ),
    Operation(
        "acknowledge_account_created",
        "POST /journey/account_created/continue",
        journey.acknowledge_created,
        "Leave the « Espace Mon Compte créé » confirmation",
        (*_SESSION, E.INTERNAL_ERROR),
    ),
    Operation(
        "decide_spouse_authorisation",
        "POST /journey/spouse_authorisation",
        journey.decide_spouse,
        "Authorise the spouse, refuse, or skip",
        (*_SESSION, E.FORBIDDEN, *_ALWAYS),
    ),
)

ACCOUNT = (
    Operation(
        "account_dashboard",
        "GET /account/dashboard",
        dashboard.dashboard,
        "The « Mon Compte » home (once the journey is finished)",
        (*_SESSION, E.INTERNAL_ERROR),
    ),
)

router = add_operations(APIRouter(prefix=API_PREFIX), AUTH, tags=("auth",))
add_operations(router, JOURNEY, tags=("journey",))
add_operations(router, ACCOUNT, tags=("account",))
