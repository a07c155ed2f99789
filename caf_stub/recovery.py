"""« Mot de passe oublié ? »: identifier, code to the contact on file, new password.

No enumeration: an unknown identifier gets a flow too, with the same answer, the same work (one
argon2 hash) and a code nobody received; every code then fails the same way. Only a known account
with a contact gets a message in the outbox.

Guessing is bounded by what was typed (the *subject*, a digest of the normalised identifier),
known or not, so that the bounds say nothing either: at most ``max_sends_per_hour`` requests an
hour (the send limit: past it no flow and no code exist), and at most ``max_code_attempts``
wrong codes an hour across all its flows; and per client (the TCP peer, never a header): its
requests in an hour, and its wrong codes in the window shared with the login.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta

from caf_stub import auth, throttle
from caf_stub.account_security import check_new_password
from caf_stub.codes import spent_or_expired, typed_code
from caf_stub.context import Client, Context, StubContext
from caf_stub.doors import live_flow
from caf_stub.errors import ApiError
from caf_stub.messages import code_email, code_sms
from caf_stub.security import hash_secret, new_code, new_token, token_digest, verify_secret
from caf_stub.store import Account, RecoveryFlow
from caf_tui.api import (
    Channel,
    ErrorCode,
    IdentifierKind,
    LoginStep,
    RecoveryCodeStep,
    RecoveryPasswordStep,
)
from caf_tui.api.recovery import (
    RecoveryCodeRequest,
    RecoveryFlowRequest,
    RecoveryPasswordRequest,
    RecoveryResponse,
    RecoveryStartRequest,
)

log = logging.getLogger("caf_stub")

CODE_VALIDITY = timedelta(minutes=10)
FLOW_VALIDITY = timedelta(minutes=15)
STARTS_PER_CLIENT_PER_HOUR = 10
"""« Mot de passe oublié ? » requests one client may make in an hour, whatever the identifier."""
CODE_WORDS = "Trop de codes incorrects depuis cet appareil"


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
    context.store.add_message(account.id, channel, to, subject, body, now)


def _send_legacy(context: StubContext, account: Account, legacy: str, now: datetime) -> None:
    body = (
        f"Votre mot de passe Caf à 8 chiffres : {legacy}. Connectez-vous avec votre numéro "
        "de Sécurité sociale et ce mot de passe, puis choisissez votre nouveau mot de passe."
    )
    if account.phone:
        context.store.add_message(account.id, Channel.SMS, account.phone, None, body, now)
    else:
        assert account.email is not None
        subject = "Votre mot de passe Caf"
        context.store.add_message(account.id, Channel.EMAIL, account.email, subject, body, now)


START_WORDS = "Trop de demandes de nouveau mot de passe"
START_ADVICE = "Si un code vous a déjà été envoyé, saisissez-le."


def _take_start_slots(context: StubContext, subject: str, client: str, now: datetime) -> None:
    """One request of the subject's hour and of the client's: taken now, or 429."""
    store = context.store
    per_subject = throttle.Window(context.settings.max_sends_per_hour, throttle.HOUR)
    per_client = throttle.Window(STARTS_PER_CLIENT_PER_HOUR, throttle.HOUR)
    by_client = f"{START_WORDS} depuis cet appareil"
    by_subject = f"{START_WORDS} pour cet identifiant"
    with store.transaction():
        bucket = f"recovery_start:client:{client}"
        auth.take_slot(context, bucket, per_client, now, by_client, START_ADVICE)
        bucket = f"recovery_start:{subject}"
        auth.take_slot(context, bucket, per_subject, now, by_subject, START_ADVICE)


def start(context: Context, request: RecoveryStartRequest, client: Client) -> RecoveryResponse:
    identifier = auth.typed_identifier(request.identifier_kind, request.identifier)
    now = context.clock.now()
    store = context.store
    subject = throttle.subject(request.identifier_kind.value, identifier)
    _take_start_slots(context, subject, client, now)
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
        # The slots above already bound this; a code that is not sent must not exist at all.
        if store.recovery_subject_flows_since(subject, now - timedelta(hours=1)) >= (
            context.settings.max_sends_per_hour
        ):
            raise auth.too_many(f"{START_WORDS} pour cet identifiant", throttle.HOUR, START_ADVICE)
        store.insert_recovery_flow(
            token_hash=token_digest(token),
            account_id=account.id if account is not None else None,
            code_hash=code_hash,
            created_at=now,
            expires_at=now + FLOW_VALIDITY,
            subject=subject,
        )
        if account is not None:
            _send(context, account, code, now)
            store.audit("recovery_code_sent", account.id, now)
    step = RecoveryCodeStep(
        expires_at=now + CODE_VALIDITY, attempts_left=_attempts_left(context, subject, now)
    )
    return _answer(context, token, step)


def _code_window(context: StubContext) -> throttle.Window:
    return throttle.Window(context.settings.max_code_attempts, throttle.HOUR)


def _attempts_left(context: StubContext, subject: str, now: datetime) -> int:
    window = _code_window(context)
    used = context.store.count_slots(
        f"recovery_code:{subject}", now - timedelta(seconds=window.seconds)
    )
    return max(0, window.limit - used)


def _flow(context: StubContext, token: str, now: datetime) -> RecoveryFlow:
    flow = context.store.recovery_flow(token_digest(token))
    return live_flow(flow, now, "de nouveau mot de passe", "Mot de passe oublié ?")


def _password_step(context: StubContext, flow: RecoveryFlow) -> RecoveryPasswordStep:
    assert flow.account_id is not None
    account = context.store.account(flow.account_id)
    assert account is not None
    return RecoveryPasswordStep(
        policy=context.policy, legacy_resend_offered=account.password_is_legacy
    )


def verify_code(context: Context, request: RecoveryCodeRequest, client: Client) -> RecoveryResponse:
    now = context.clock.now()
    token = request.flow_token.get_secret_value()
    candidate = typed_code(request.code.get_secret_value())
    store = context.store
    with store.transaction():
        flow = _flow(context, token, now)
        if flow.verified_at is not None:
            return _answer(context, token, _password_step(context, flow))
        refusal = _before_check(context, flow, now)
        if refusal is not None:
            raise refusal
        # Taken before the hash, given back only if the code is right: concurrent guesses
        # are all counted, per client (shared with the login) and per subject.
        client_slot = auth.client_slot(context, client, now, CODE_WORDS)
        try:
            subject_slot = throttle.take(
                store, f"recovery_code:{flow.subject}", _code_window(context), now
            )
        except throttle.Throttled as exc:
            store.release_slot(client_slot)
            raise _too_many_codes(exc.retry_after) from None
    right = verify_secret(flow.code_hash, candidate) and flow.account_id is not None
    with store.transaction():
        fresh = _flow(context, token, now)
        if right and fresh.verified_at is None:
            assert fresh.account_id is not None
            throttle.give_back(store, client_slot)
            throttle.give_back(store, subject_slot)
            store.update_recovery_flow(fresh.id, verified_at=now)
            store.audit("recovery_code_verified", fresh.account_id, now)
            return _answer(context, token, _password_step(context, fresh))
        store.update_recovery_flow(fresh.id, attempts=fresh.attempts + 1)
        left = min(
            max(0, context.settings.max_code_attempts - fresh.attempts - 1),
            _attempts_left(context, fresh.subject, now),
        )
    message = "Code incorrect : vérifiez le code reçu et saisissez-le à nouveau."
    if left:
        message += f" Il vous reste {left} essai{'s' if left > 1 else ''}."
    else:
        message += " Vous n'avez plus d'essai : recommencez depuis « Mot de passe oublié ? »."
    raise ApiError(ErrorCode.OTP_INVALID, message, field="code", attempts_left=left)


def _too_many_codes(retry_after: int) -> ApiError:
    return ApiError(
        ErrorCode.OTP_ATTEMPTS_EXCEEDED,
        "Trop de codes incorrects ont été saisis pour cet identifiant : réessayez dans "
        f"{throttle.minutes_text(retry_after)}, depuis « Mot de passe oublié ? ».",
        field="code",
        attempts_left=0,
        retry_after=retry_after,
    )


def _before_check(context: StubContext, flow: RecoveryFlow, now: datetime) -> ApiError | None:
    """The refusal that needs no hash (the flow's own tries, its expiry), or None.

    The same rules and words as the journey's codes (``codes.check_code``), on the flow row.
    """
    again = "recommencez depuis « Mot de passe oublié ? »"
    expires_at = flow.created_at + CODE_VALIDITY
    tries = context.settings.max_code_attempts
    return spent_or_expired(
        flow.attempts, expires_at, now, tries, spent_advice=again, expired_advice=again
    )


def set_password(context: Context, request: RecoveryPasswordRequest) -> RecoveryResponse:
    """The new password; every session of the account ends. Next: the login."""
    now = context.clock.now()
    token = request.flow_token.get_secret_value()
    password = request.password.get_secret_value()
    confirmation = request.confirmation.get_secret_value()
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
        # A reset event: the count of failures starts afresh, the lock after 100 included.
        store.audit(throttle.RECOVERY_PASSWORD_SET, flow.account_id, now)
    log.info("account %d chose a new password after « mot de passe oublié »", flow.account_id)
    return _answer(context, token, LoginStep())


def resend_legacy(context: Context, request: RecoveryFlowRequest) -> RecoveryResponse:
    """« Le renvoi de votre mot de passe à 8 chiffres »: a new one, to the contact on file."""
    now = context.clock.now()
    token = request.flow_token.get_secret_value()
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
        store.update_account(
            account.id, password_hash=legacy_hash, failed_logins=0, locked_until=None
        )
        store.end_account_sessions(account.id, now)
        store.update_recovery_flow(flow.id, finished_at=now)
        _send_legacy(context, account, legacy, now)
        store.audit(throttle.RECOVERY_LEGACY_RESENT, account.id, now)
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
