"""The contract's names, as plain enums: what the first frame needs of the contract (the steps'
names, the identifier kinds, the error codes…) without pydantic, which the models need and which
costs more to import than a bare Textual app takes to paint. The models' modules re-export them."""

from __future__ import annotations

from enum import StrEnum


class StepName(StrEnum):
    LOGIN = "login"
    MIGRATION_INTRO = "migration_intro"
    ACCEPT_TERMS = "accept_terms"
    CHOOSE_PASSWORD = "choose_password"
    CONFIRM_CONTACT = "confirm_contact"
    VERIFY_CODE = "verify_code"
    ACCOUNT_CREATED = "account_created"
    SPOUSE_AUTHORISATION = "spouse_authorisation"
    DASHBOARD = "dashboard"
    RECOVERY_CODE = "recovery_code"
    RECOVERY_PASSWORD = "recovery_password"


class IdentifierKind(StrEnum):
    NIR = "nir"
    TEMPORARY = "temporary"


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"


class SpouseRight(StrEnum):
    CONSULT_RIGHTS_PAYMENTS = "consult_rights_payments"
    DECLARE_CHANGES = "declare_changes"
    REQUEST_BENEFIT = "request_benefit"


class SpouseDecision(StrEnum):
    AUTHORISE = "authorise"
    REFUSE = "refuse"
    SKIP = "skip"


class Role(StrEnum):
    RESPONSABLE = "responsable"
    SPOUSE = "spouse"
    MEMBER = "member"


class Section(StrEnum):
    RIGHTS_PAYMENTS = "rights_payments"
    DECLARE_CHANGE = "declare_change"
    REQUEST_BENEFIT = "request_benefit"
    ATTESTATIONS = "attestations"
    MANAGE_ACCOUNT = "manage_account"


class ErrorCode(StrEnum):
    """Every code the API may answer with. Adding one is a contract change."""

    VALIDATION_ERROR = "validation_error"
    """The request is malformed; ``field`` names the offending field."""
    INVALID_IDENTIFIER = "invalid_identifier"
    """The NIR or temporary identifier is not well formed (too short, wrong key…)."""
    INVALID_CREDENTIALS = "invalid_credentials"
    """Wrong identifier or password; never says which."""
    ACCOUNT_LOCKED = "account_locked"
    """Too many failed logins; ``locked_until`` says when the lock ends."""
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    """Throttled; ``retry_after`` says how many seconds to wait."""
    UNAUTHENTICATED = "unauthenticated"
    """No session token, or one the server does not know."""
    SESSION_EXPIRED = "session_expired"
    """The session ended (idle 30 minutes, 12 hours in all, or logged out)."""
    STEP_MISMATCH = "step_mismatch"
    """The request belongs to another step than the one the person owes; ask ``GET /journey``."""
    TERMS_NOT_ACCEPTED = "terms_not_accepted"
    """The terms must be accepted (or the version accepted is not the current one)."""
    PASSWORD_POLICY = "password_policy"
    """The new password breaks rules; ``failed_rules`` lists their ids."""
    PASSWORD_MISMATCH = "password_mismatch"
    """The confirmation differs from the new password."""
    INVALID_PHONE = "invalid_phone"
    """Not a French mobile number (metropolitan France or the overseas regions)."""
    INVALID_EMAIL = "invalid_email"
    """Not a valid e-mail address."""
    CHANNEL_UNAVAILABLE = "channel_unavailable"
    """No phone (or no e-mail) on file for the channel chosen."""
    OTP_INVALID = "otp_invalid"
    """Wrong verification code; ``attempts_left`` says how many tries remain."""
    OTP_EXPIRED = "otp_expired"
    """The code is past its validity; ask for a new one."""
    OTP_ATTEMPTS_EXCEEDED = "otp_attempts_exceeded"
    """Five wrong tries on this code; a new code is needed."""
    OTP_RESEND_TOO_SOON = "otp_resend_too_soon"
    """A new code was asked too soon; ``retry_after`` says when it may be asked."""
    OTP_SEND_LIMIT = "otp_send_limit"
    """Five codes were sent in the last hour; ``retry_after`` says when the next may be."""
    FORBIDDEN = "forbidden"
    """The person's role does not allow this (e.g. a spouse not authorised)."""
    NOT_FOUND = "not_found"
    """No such resource."""
    PAYLOAD_TOO_LARGE = "payload_too_large"
    """The request body is larger than the server accepts."""
    METHOD_NOT_ALLOWED = "method_not_allowed"
    """The path exists but not with this HTTP method."""
    NOT_AVAILABLE = "not_available"
    """The server does not offer this service (yet)."""
    INTERNAL_ERROR = "internal_error"
    """The server failed; nothing was changed."""
    SERVICE_UNAVAILABLE = "service_unavailable"
    """The server cannot answer now; try again."""
    FRANCECONNECT_FAILED = "franceconnect_failed"
    """The FranceConnect sign-in failed or was refused; nothing was opened."""
    FRANCECONNECT_NO_MATCH = "franceconnect_no_match"
    """FranceConnect vouched for an identity that matches no CAF account."""
    FLOW_EXPIRED = "flow_expired"
    """The FranceConnect sign-in was not finished in time; start again."""
    IDENTITY_NO_MATCH = "identity_no_match"
    """« Créer Mon Compte »: the identity given matches no person of that file."""
    ACCOUNT_EXISTS = "account_exists"
    """« Créer Mon Compte »: this person already has an account; log in instead."""
    TOO_YOUNG = "too_young"
    """« Créer Mon Compte »: the person is under 16."""
    ALREADY_PENDING = "already_pending"
    """A request of the same benefit is already pending for the household's file."""


HTTP_STATUS: dict[ErrorCode, int] = {
    ErrorCode.VALIDATION_ERROR: 422,
    ErrorCode.INVALID_IDENTIFIER: 422,
    ErrorCode.INVALID_CREDENTIALS: 401,
    ErrorCode.ACCOUNT_LOCKED: 423,
    ErrorCode.TOO_MANY_ATTEMPTS: 429,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.SESSION_EXPIRED: 401,
    ErrorCode.STEP_MISMATCH: 409,
    ErrorCode.TERMS_NOT_ACCEPTED: 422,
    ErrorCode.PASSWORD_POLICY: 422,
    ErrorCode.PASSWORD_MISMATCH: 422,
    ErrorCode.INVALID_PHONE: 422,
    ErrorCode.INVALID_EMAIL: 422,
    ErrorCode.CHANNEL_UNAVAILABLE: 422,
    ErrorCode.OTP_INVALID: 422,
    ErrorCode.OTP_EXPIRED: 422,
    ErrorCode.OTP_ATTEMPTS_EXCEEDED: 422,
    ErrorCode.OTP_RESEND_TOO_SOON: 429,
    ErrorCode.OTP_SEND_LIMIT: 429,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.NOT_AVAILABLE: 501,
    ErrorCode.INTERNAL_ERROR: 500,
    ErrorCode.SERVICE_UNAVAILABLE: 503,
    ErrorCode.FRANCECONNECT_FAILED: 401,
    ErrorCode.FRANCECONNECT_NO_MATCH: 401,
    ErrorCode.FLOW_EXPIRED: 410,
    ErrorCode.IDENTITY_NO_MATCH: 422,
    ErrorCode.ACCOUNT_EXISTS: 409,
    ErrorCode.TOO_YOUNG: 422,
    ErrorCode.ALREADY_PENDING: 409,
}
