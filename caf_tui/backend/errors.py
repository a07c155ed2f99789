"""Typed exceptions the ``Backend`` methods raise, one per family of error codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from caf_tui.api.names import ErrorCode

if TYPE_CHECKING:
    from caf_tui.api.errors import ErrorDetail


class BackendError(Exception):
    """Any refusal or failure of the backend. ``detail`` is the server's error, as sent."""

    def __init__(self, detail: ErrorDetail) -> None:
        super().__init__(f"{detail.code}: {detail.message}")
        self.detail = detail

    @property
    def code(self) -> ErrorCode:
        return self.detail.code

    @property
    def message(self) -> str:
        return self.detail.message

    @property
    def field(self) -> str | None:
        return self.detail.field


class BackendUnavailable(BackendError):
    """The backend could not be reached or did not answer in time. Nothing was changed that the
    client knows of; the same call may be tried again."""


class InvalidCredentials(BackendError):
    """Identifier or password refused (the server never says which)."""


class AccountLocked(BackendError):
    """Too many failed logins; ``detail.locked_until`` says when the lock ends."""


class Throttled(BackendError):
    """Too many requests; ``detail.retry_after`` says how long to wait."""


class NotAuthenticated(BackendError):
    """No session, or the session ended (idle, absolute limit, logout elsewhere)."""


class StepMismatch(BackendError):
    """The request belongs to another step than the one the server expects now."""


class InvalidInput(BackendError):
    """A field's value was refused; ``detail.field`` names it."""


class CodeRejected(BackendError):
    """The verification code was refused: wrong, expired, too many tries or too many sends."""


class Forbidden(BackendError):
    """The person's role does not allow this."""


class NotAvailable(BackendError):
    """The backend does not offer this service."""


class FranceConnectRefused(BackendError):
    """The FranceConnect sign-in failed, was refused, or matches no CAF account."""


class FlowExpired(BackendError):
    """The FranceConnect sign-in was not finished in time."""


class ServerError(BackendError):
    """The server failed; nothing was changed."""


_BY_CODE: dict[ErrorCode, type[BackendError]] = {
    ErrorCode.VALIDATION_ERROR: InvalidInput,
    ErrorCode.INVALID_IDENTIFIER: InvalidInput,
    ErrorCode.INVALID_CREDENTIALS: InvalidCredentials,
    ErrorCode.ACCOUNT_LOCKED: AccountLocked,
    ErrorCode.TOO_MANY_ATTEMPTS: Throttled,
    ErrorCode.UNAUTHENTICATED: NotAuthenticated,
    ErrorCode.SESSION_EXPIRED: NotAuthenticated,
    ErrorCode.STEP_MISMATCH: StepMismatch,
    ErrorCode.TERMS_NOT_ACCEPTED: InvalidInput,
    ErrorCode.PASSWORD_POLICY: InvalidInput,
    ErrorCode.PASSWORD_MISMATCH: InvalidInput,
    ErrorCode.INVALID_PHONE: InvalidInput,
    ErrorCode.INVALID_EMAIL: InvalidInput,
    ErrorCode.CHANNEL_UNAVAILABLE: InvalidInput,
    ErrorCode.OTP_INVALID: CodeRejected,
    ErrorCode.OTP_EXPIRED: CodeRejected,
    ErrorCode.OTP_ATTEMPTS_EXCEEDED: CodeRejected,
    ErrorCode.OTP_RESEND_TOO_SOON: CodeRejected,
    ErrorCode.OTP_SEND_LIMIT: CodeRejected,
    ErrorCode.FORBIDDEN: Forbidden,
    ErrorCode.NOT_FOUND: NotAvailable,
    ErrorCode.PAYLOAD_TOO_LARGE: InvalidInput,
    ErrorCode.METHOD_NOT_ALLOWED: NotAvailable,
    ErrorCode.NOT_AVAILABLE: NotAvailable,
    ErrorCode.INTERNAL_ERROR: ServerError,
    ErrorCode.SERVICE_UNAVAILABLE: BackendUnavailable,
    ErrorCode.FRANCECONNECT_FAILED: FranceConnectRefused,
    ErrorCode.FRANCECONNECT_NO_MATCH: FranceConnectRefused,
    ErrorCode.FLOW_EXPIRED: FlowExpired,
    ErrorCode.IDENTITY_NO_MATCH: InvalidInput,
    ErrorCode.ACCOUNT_EXISTS: InvalidInput,
    ErrorCode.TOO_YOUNG: InvalidInput,
    ErrorCode.ALREADY_PENDING: InvalidInput,
}


def error_from_detail(detail: ErrorDetail) -> BackendError:
    """The typed exception for a server error."""
    return _BY_CODE.get(detail.code, BackendError)(detail)
