"""« Mot de passe oublié ? »: identifier, code to the contact on file, new password.

No enumeration: an unknown identifier gets a flow too, with the same answer, the same work (one
argon2 hash) and a code nobody received; every code then fails the same way. Only a known account
with a contact gets a message in the outbox.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta

from backend_stub.account_security import check_new_password
from backend_stub.context import StubContext
from backend_stub.errors import ApiError
from backend_stub.messages import code_email, code_sms
from backend_stub.security import hash_secret, new_code, new_token, token_digest, verify_secret
from backend_stub.store import Account, RecoveryFlow
from caf_tui import rules
from caf_tui.api import (
    Channel,
    ErrorCode,
    IdentifierKind,
    LoginStep,
    RecoveryCodeStep,
    RecoveryPasswordStep,
)
from caf_tui.api.recovery import RecoveryResponse, RecoveryStartRequest

log = logging.getLogger("backend_stub")

CODE_VALIDITY = timedelta(minutes=10)
FLOW_VALIDITY = timedelta(minutes=15)


def _answer(context: StubContext, token: str, step: object) -> RecoveryResponse:
    return RecoveryResponse.model_validate(
        {"next": step, "server_time": context.clock.now(), "flow_token": token}
    )


def _send(context: StubContext, account: Account, code: str, now: datetime) -> None:
    """« Send » the code to the phone on file, else the e-mail (the caller holds a transaction)."""
    seconds = int(CODE_VALIDITY.total_seconds())
    if account.phone:
        channel, to, subject, body = Channel.SMS, account.phone, None, code_sms(code, seconds)
    else:
        assert account.email is not None
        subject, body = code_email(code, seconds)
        channel, to = Channel.EMAIL, account.email
    _deliver(context, account, channel, to, subject, body, now)


def _send_legacy(context: StubContext, account: Account, legacy: str, now: datetime) -> None:
    body = (
        f"Votre mot de passe Caf à 8 chiffres : {legacy}. Connectez-vous avec votre numéro "
        "de Sécurité sociale et ce mot de passe, puis choisissez votre nouveau mot de passe."
    )
    if account.phone:
        _deliver(context, account, Channel.SMS, account.phone, None, body, now)
    else:
        assert account.email is not None
        subject = "Votre mot de passe Caf"
        _deliver(context, account, Channel.EMAIL, account.email, subject, body, now)


def _deliver(
    context: StubContext,
    account: Account,
    channel: Channel,
    to: str,
    subject: str | None,
    body: str,
    now: datetime,
) -> None:
    context.store.add_message(
        channel=channel.value,
        to=to,
        subject=subject,
        body=body,
        sent_at=now,
        account_id=account.id,
    )


def start(context: StubContext, request: RecoveryStartRequest) -> RecoveryResponse:
    try:
        identifier = rules.normalise_identifier(request.identifier_kind, request.identifier)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.INVALID_IDENTIFIER, exc.message, field="identifier") from exc
    now = context.clock.now()
    store = context.store
    if request.identifier_kind is IdentifierKind.TEMPORARY:
        account = store.account_by_temporary_id(identifier)
    else:
        account = store.account_by_nir(identifier)
    if account is not None and (
        account.password_hash is None or not (account.phone or account.email)
    ):
        account = None  # no password to recover, or nowhere to send a code: as if unknown
    # One hash either way; an unknown identifier's code is random, never the fixed test code.
    code = new_code(context.fixed_code if account is not None else None)
    code_hash = hash_secret(code)
    token = new_token()
    with store.transaction():
        store.insert_recovery_flow(
            token_hash=token_digest(token),
            account_id=account.id if account is not None else None,
            code_hash=code_hash,
            created_at=now,
            expires_at=now + FLOW_VALIDITY,
        )
        if account is not None:
            recent = store.recovery_flows_since(account.id, now - timedelta(hours=1))
            if recent <= context.settings.max_sends_per_hour:
                _send(context, account, code, now)
                store.audit("recovery_code_sent", account.id, now)
            else:
                store.audit("recovery_code_withheld", account.id, now)
    step = RecoveryCodeStep(
        expires_at=now + CODE_VALIDITY, attempts_left=context.settings.max_code_attempts
    )
    return _answer(context, token, step)


def _flow(context: StubContext, token: str, now: datetime) -> RecoveryFlow:
    flow = context.store.recovery_flow(token_digest(token))
    if flow is None or flow.finished_at is not None or now >= flow.expires_at:
        raise ApiError(
            ErrorCode.FLOW_EXPIRED,
            "Cette demande de nouveau mot de passe a expiré ou est terminée : "
            "recommencez depuis « Mot de passe oublié ? ».",
        )
    return flow


def _password_step(context: StubContext, flow: RecoveryFlow) -> RecoveryPasswordStep:
    assert flow.account_id is not None
    account = context.store.account(flow.account_id)
    assert account is not None
    return RecoveryPasswordStep(
        policy=context.policy, legacy_resend_offered=account.password_is_legacy
    )


def verify_code(context: StubContext, token: str, candidate: str) -> RecoveryResponse:
    now = context.clock.now()
    try:
        candidate = rules.normalise_code(candidate)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field="code") from exc
    store = context.store
    answer: RecoveryResponse | None = None
    with store.transaction():
        flow = _flow(context, token, now)
        if flow.verified_at is not None:
            return _answer(context, token, _password_step(context, flow))
        refusal = _check(context, flow, candidate, now)
        if refusal is None:
            assert flow.account_id is not None
            store.update_recovery_flow(flow.id, verified_at=now)
            store.audit("recovery_code_verified", flow.account_id, now)
            answer = _answer(context, token, _password_step(context, flow))
    if refusal is not None:
        raise refusal
    assert answer is not None
    return answer


def _check(
    context: StubContext, flow: RecoveryFlow, candidate: str, now: datetime
) -> ApiError | None:
    """None when ``candidate`` is the flow's code; else the refusal (a wrong try is counted).

    The same rules and words as the journey's codes (``codes.check_code``), on the flow row.
    """
    tries = context.settings.max_code_attempts
    if flow.attempts >= tries:
        return ApiError(
            ErrorCode.OTP_ATTEMPTS_EXCEEDED,
            f"Ce code a été saisi {tries} fois sans succès et ne peut plus servir : "
            "recommencez depuis « Mot de passe oublié ? ».",
            field="code",
            attempts_left=0,
        )
    if now >= flow.created_at + CODE_VALIDITY:
        return ApiError(
            ErrorCode.OTP_EXPIRED,
            "Ce code a expiré : recommencez depuis « Mot de passe oublié ? ».",
            field="code",
        )
    # An unknown identifier never gets past the code, and fails just like a wrong code.
    if verify_secret(flow.code_hash, candidate) and flow.account_id is not None:
        return None
    context.store.update_recovery_flow(flow.id, attempts=flow.attempts + 1)
    left = max(0, tries - flow.attempts - 1)
    message = "Code incorrect : vérifiez le code reçu et saisissez-le à nouveau."
    if left:
        message += f" Il vous reste {left} essai{'s' if left > 1 else ''}."
    else:
        message += " Vous n'avez plus d'essai : recommencez depuis « Mot de passe oublié ? »."
    return ApiError(ErrorCode.OTP_INVALID, message, field="code", attempts_left=left)


def set_password(
    context: StubContext, token: str, password: str, confirmation: str
) -> RecoveryResponse:
    """The new password; every session of the account ends. Next: the login."""
    now = context.clock.now()
    check_new_password(context, password, confirmation)
    new_hash = hash_secret(password)
    store = context.store
    with store.transaction():
        flow = _verified(context, token, now)
        assert flow.account_id is not None
        store.update_account(
            flow.account_id,
            password_hash=new_hash,
            password_is_legacy=False,
            failed_logins=0,
            locked_until=None,
        )
        store.end_account_sessions(flow.account_id, now)
        store.update_recovery_flow(flow.id, finished_at=now)
        store.audit("recovery_password_set", flow.account_id, now)
    log.info("account %d chose a new password after « mot de passe oublié »", flow.account_id)
    return _answer(context, token, LoginStep())


def resend_legacy(context: StubContext, token: str) -> RecoveryResponse:
    """« Le renvoi de votre mot de passe à 8 chiffres »: a new one, to the contact on file."""
    now = context.clock.now()
    legacy = f"{secrets.randbelow(10**8):08d}"
    legacy_hash = hash_secret(legacy)
    store = context.store
    with store.transaction():
        flow = _verified(context, token, now)
        assert flow.account_id is not None
        account = store.account(flow.account_id)
        assert account is not None
        if not account.password_is_legacy:
            raise ApiError(
                ErrorCode.FORBIDDEN,
                "Votre compte n'utilise plus de mot de passe à 8 chiffres : choisissez un "
                "nouveau mot de passe.",
            )
        store.update_account(account.id, password_hash=legacy_hash, failed_logins=0)
        store.end_account_sessions(account.id, now)
        store.update_recovery_flow(flow.id, finished_at=now)
        _send_legacy(context, account, legacy, now)
        store.audit("recovery_legacy_resent", account.id, now)
    return _answer(context, token, LoginStep())


def _verified(context: StubContext, token: str, now: datetime) -> RecoveryFlow:
    flow = _flow(context, token, now)
    if flow.verified_at is None or flow.account_id is None:
        raise ApiError(
            ErrorCode.STEP_MISMATCH,
            "Saisissez d'abord le code de vérification reçu.",
            field="code",
        )
    return flow
