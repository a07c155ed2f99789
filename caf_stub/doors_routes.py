"""The ways in before any session: ``/api/v1/recovery`` (« Mot de passe oublié ? », a flow
token instead of a session) and ``/api/v1/signup`` (« Créer Mon Compte »)."""

from __future__ import annotations

from fastapi import APIRouter

from caf_stub import recovery, signup
from caf_stub.route_table import Operation, add_operations
from caf_tui.api import API_PREFIX, ErrorCode

E = ErrorCode
_ALWAYS = (E.VALIDATION_ERROR, E.PAYLOAD_TOO_LARGE, E.INTERNAL_ERROR)
_CODE = (E.FLOW_EXPIRED, E.OTP_INVALID, E.OTP_EXPIRED, E.OTP_ATTEMPTS_EXCEEDED, E.TOO_MANY_ATTEMPTS)

RECOVERY = (
    Operation(
        "start_recovery",
        "POST /recovery",
        recovery.start,
        "Ask for a new password: the same answer whether the identifier exists or not",
        (E.INVALID_IDENTIFIER, E.TOO_MANY_ATTEMPTS, *_ALWAYS),
    ),
    Operation(
        "recovery_code",
        "POST /recovery/code",
        recovery.verify_code,
        "Check the code sent to the contact on file",
        (*_CODE, *_ALWAYS),
    ),
    Operation(
        "recovery_password",
        "POST /recovery/password",
        recovery.set_password,
        "Set the new password; every session of the account ends",
        (E.FLOW_EXPIRED, E.STEP_MISMATCH, E.PASSWORD_POLICY, E.PASSWORD_MISMATCH, *_ALWAYS),
    ),
    Operation(
        "recovery_legacy_resend",
        "POST /recovery/legacy_resend",
        recovery.resend_legacy,
        "« Le renvoi de votre mot de passe à 8 chiffres » (accounts not yet migrated)",
        (E.FLOW_EXPIRED, E.STEP_MISMATCH, E.FORBIDDEN, *_ALWAYS),
    ),
)

SIGNUP = (
    Operation(
        "post_signup",
        "POST /signup",
        signup.signup,
        "« Créer Mon Compte »: the file and the person match; a code goes to a contact on "
        "file (no session yet)",
        (
            E.IDENTITY_NO_MATCH,
            E.ACCOUNT_EXISTS,
            E.TOO_YOUNG,
            E.INVALID_IDENTIFIER,
            E.CHANNEL_UNAVAILABLE,
            E.TOO_MANY_ATTEMPTS,
            *_ALWAYS,
        ),
    ),
    Operation(
        "post_signup_code",
        "POST /signup/code",
        signup.verify_code,
        "The code sent to the contact on file: the account is linked, a session opens",
        (*_CODE, E.ACCOUNT_EXISTS, *_ALWAYS),
    ),
    Operation(
        "post_signup_resend",
        "POST /signup/code/resend",
        signup.resend_code,
        "« Demander » a new code, to the same contact on file",
        (E.FLOW_EXPIRED, E.OTP_RESEND_TOO_SOON, E.OTP_SEND_LIMIT, *_ALWAYS),
    ),
    Operation(
        "post_signup_cancel",
        "POST /signup/cancel",
        signup.cancel,
        "Leave the sign-up at its code (no contact to change before the proof): the login",
        _ALWAYS,
    ),
)

router = add_operations(APIRouter(prefix=API_PREFIX), RECOVERY, tags=("recovery",))
add_operations(router, SIGNUP, tags=("signup",))
