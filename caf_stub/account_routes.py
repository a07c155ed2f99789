"""``/api/v1/account/*``: the sections of « Mon Compte », each checked against the role."""

from __future__ import annotations

from fastapi import APIRouter

from caf_stub import account, account_contact, account_security
from caf_stub.route_table import Operation, add_operations
from caf_tui.api import API_PREFIX, ErrorCode

E = ErrorCode
_SESSION = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.STEP_MISMATCH, E.INTERNAL_ERROR)
_SIGNED_IN = (E.UNAUTHENTICATED, E.SESSION_EXPIRED, E.INTERNAL_ERROR)
_CURRENT_PASSWORD = (E.INVALID_CREDENTIALS, E.ACCOUNT_LOCKED, E.TOO_MANY_ATTEMPTS)

OPERATIONS = (
    Operation(
        "get_profile",
        "GET /profile",
        account.profile,
        "« Mon profil »: open to every member with an account",
        _SESSION,
    ),
    Operation(
        "get_payments",
        "GET /payments",
        account.payments,
        "« Mes droits et paiements »: the file holder or an authorised spouse",
        (*_SESSION, E.FORBIDDEN),
    ),
    Operation(
        "get_attestations",
        "GET /attestations",
        account.attestations,
        "« Mes attestations »: those the role may download",
        (*_SESSION, E.FORBIDDEN),
    ),
    Operation(
        "get_authorisations",
        "GET /authorisations",
        account.authorisations,
        "The spouse's rights (file holder only)",
        (*_SESSION, E.FORBIDDEN),
    ),
    Operation(
        "put_authorisations",
        "PUT /authorisations",
        account.update_authorisations,
        "Grant or withdraw the spouse's rights (effective on the spouse's next request)",
        (*_SESSION, E.FORBIDDEN, E.VALIDATION_ERROR),
    ),
    Operation(
        "post_password",
        "POST /password",
        account_security.change_password,
        "Change the password (the current one first); every other session ends",
        (*_SESSION, *_CURRENT_PASSWORD, E.PASSWORD_POLICY, E.PASSWORD_MISMATCH),
    ),
    Operation(
        "get_connections",
        "GET /connections",
        account_security.connections,
        "The account's recent connections, newest first",
        _SIGNED_IN,
    ),
    Operation(
        "post_logout_everywhere",
        "POST /logout_everywhere",
        account_security.logout_everywhere,
        "End every session of the account, this one included",
        _SIGNED_IN,
    ),
    Operation(
        "post_contact",
        "POST /contact",
        account_contact.start,
        "A new phone or e-mail (the current password first): a code is sent to it; "
        "nothing changes until it comes back",
        (*_SESSION, E.INVALID_PHONE, E.INVALID_EMAIL, E.OTP_SEND_LIMIT, *_CURRENT_PASSWORD),
    ),
    Operation(
        "post_contact_verify",
        "POST /contact/verify",
        account_contact.verify,
        "The code sent to the new phone or e-mail: the change is saved",
        (*_SESSION, E.OTP_INVALID, E.OTP_EXPIRED, E.OTP_ATTEMPTS_EXCEEDED),
    ),
)

router = add_operations(APIRouter(prefix=API_PREFIX + "/account", tags=["account"]), OPERATIONS)
