"""Verification codes: sending (throttled) and checking (bounded tries, expiry, single use)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from caf_stub.context import StubContext
from caf_stub.errors import ApiError
from caf_stub.journey import (
    CHANNEL_VALIDITY,
    MIGRATION,
    seconds_until,
    sends_in_window,
)
from caf_stub.messages import code_email, code_sms
from caf_stub.security import hash_secret, new_code, verify_secret
from caf_stub.store import Account, Code
from caf_tui import rules
from caf_tui.api import Channel, ErrorCode

log = logging.getLogger("caf_stub")


def typed_code(text: str) -> str:
    """The verification code as typed, normalised; else 422 with the rule's French words."""
    try:
        return rules.normalise_code(text)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field="code") from exc


def send_code(context: StubContext, account: Account, channel: Channel, now: datetime) -> None:
    """Cancel the account's pending code, make a new one and "send" it by ``channel``.

    The caller holds a store transaction. Raises channel_unavailable, otp_send_limit.
    """
    store = context.store
    settings = context.settings
    destination = account.phone if channel is Channel.SMS else account.email
    if destination is None:
        if channel is Channel.SMS:
            message = (
                "Aucun numéro de portable n'est enregistré : ajoutez-en un dans vos "
                "coordonnées ou choisissez de recevoir le code par e-mail."
            )
        else:
            message = (
                "Aucune adresse e-mail n'est enregistrée : ajoutez-en une dans vos "
                "coordonnées ou choisissez de recevoir le code par SMS."
            )
        raise ApiError(ErrorCode.CHANNEL_UNAVAILABLE, message, field="channel")
    sent = sends_in_window(context, account.id, now)
    if len(sent) >= settings.max_sends_per_hour:
        retry_after = seconds_until(sent[0] + timedelta(hours=1), now)
        minutes = -(-retry_after // 60)
        raise ApiError(
            ErrorCode.OTP_SEND_LIMIT,
            f"Vous avez demandé {settings.max_sends_per_hour} codes en une heure : "
            f"attendez {minutes} minute{'s' if minutes > 1 else ''} avant d'en demander "
            "un nouveau.",
            retry_after=retry_after,
        )
    code = new_code(context.fixed_code)
    validity = CHANNEL_VALIDITY[channel]
    store.cancel_codes(account.id, MIGRATION, now)
    store.insert_code(
        account_id=account.id,
        purpose=MIGRATION,
        channel=channel,
        destination=destination,
        code_hash=hash_secret(code),
        created_at=now,
        expires_at=now + timedelta(seconds=validity),
    )
    if channel is Channel.SMS:
        subject, body = None, code_sms(code, validity)
    else:
        subject, body = code_email(code, validity)
    store.add_message(account.id, channel, destination, subject, body, now)
    store.audit("code_sent", account.id, now, channel.value)
    log.info("verification code sent to account %d by %s", account.id, channel.value)


def spent_or_expired(
    attempts: int,
    expires_at: datetime,
    now: datetime,
    tries: int,
    *,
    spent_advice: str,
    expired_advice: str,
) -> ApiError | None:
    """The refusal of a code that needs no hash: tried ``tries`` times already, or expired;
    each says what to do next (``spent_advice``, ``expired_advice``). None if neither."""
    if attempts >= tries:
        return ApiError(
            ErrorCode.OTP_ATTEMPTS_EXCEEDED,
            f"Ce code a été saisi {tries} fois sans succès et ne peut plus servir : "
            f"{spent_advice}.",
            field="code",
            attempts_left=0,
        )
    if now >= expires_at:
        return ApiError(
            ErrorCode.OTP_EXPIRED, f"Ce code a expiré : {expired_advice}.", field="code"
        )
    return None


def check_code(
    context: StubContext, pending: Code, candidate: str, now: datetime
) -> ApiError | None:
    """None when ``candidate`` is the pending code; else the refusal (counting a wrong try).

    The caller holds a store transaction, and must commit before raising the refusal so that
    the try is counted.
    """
    settings = context.settings
    refusal = spent_or_expired(
        pending.attempts,
        pending.expires_at,
        now,
        settings.max_code_attempts,
        spent_advice="demandez l'envoi d'un nouveau code",
        expired_advice="demandez l'envoi d'un nouveau code en choisissant « Demander »",
    )
    if refusal is not None:
        return refusal
    if verify_secret(pending.code_hash, candidate):
        return None
    attempts = pending.attempts + 1
    context.store.update_code(pending.id, attempts=attempts)
    context.store.audit("code_refused", pending.account_id, now)
    left = max(0, settings.max_code_attempts - attempts)
    if left:
        message = (
            f"Code incorrect : vérifiez le code reçu et saisissez-le à nouveau. "
            f"Il vous reste {left} essai{'s' if left > 1 else ''}."
        )
    else:
        message = "Code incorrect. Vous n'avez plus d'essai : demandez l'envoi d'un nouveau code."
    return ApiError(ErrorCode.OTP_INVALID, message, field="code", attempts_left=left)
