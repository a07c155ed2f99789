"""« Gérer Mon Compte », contact details: a new phone or e-mail is saved only once the code
sent to it comes back. The pending value waits in the code's ``destination``."""

from __future__ import annotations

from datetime import datetime, timedelta

from caf_stub import account, account_security, throttle
from caf_stub.codes import check_code, typed_code
from caf_stub.context import Client, Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.journey import (
    CHANNEL_VALIDITY,
    display_destination,
    seconds_until,
)
from caf_stub.messages import code_email, code_sms, contact_changed_notice
from caf_stub.rights import open_to
from caf_stub.security import hash_secret, new_code
from caf_stub.sessions import Authed
from caf_stub.store import Account
from caf_tui import rules
from caf_tui.api import Channel, ErrorCode
from caf_tui.api.account import (
    ContactChangeRequest,
    ContactChangeStarted,
    ContactCodeRequest,
    ProfileResponse,
)

CONTACT_CHANGE = "contact_change"


def _normalised(request: ContactChangeRequest) -> str:
    if request.channel is Channel.SMS:
        try:
            return rules.normalise_phone(request.value)
        except rules.RuleError as exc:
            raise ApiError(ErrorCode.INVALID_PHONE, exc.message, field="phone") from exc
    try:
        return rules.normalise_email(request.value)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.INVALID_EMAIL, exc.message, field="email") from exc


def start(
    context: Context, caller: Authed, request: ContactChangeRequest, client: Client
) -> ContactChangeStarted:
    now = context.clock.now()
    value = _normalised(request)
    field = "phone" if request.channel is Channel.SMS else "email"
    store = context.store
    settings = context.settings
    with store.transaction():
        person = open_to(context, caller)
    if value == (person.phone if request.channel is Channel.SMS else person.email):
        raise ApiError(
            ErrorCode.VALIDATION_ERROR,
            "C'est déjà la coordonnée enregistrée : saisissez la nouvelle.",
            field=field,
        )
    slot = account_security.check_current_password(
        context, caller, person, request.current_password.get_secret_value(), client
    )
    with store.transaction():
        throttle.give_back(store, slot)
        sent = store.code_times_since(person.id, CONTACT_CHANGE, now - timedelta(hours=1))
        if len(sent) >= settings.max_sends_per_hour:
            retry_after = seconds_until(sent[0] + timedelta(hours=1), now)
            raise ApiError(
                ErrorCode.OTP_SEND_LIMIT,
                f"Vous avez demandé {settings.max_sends_per_hour} codes en une heure : "
                "réessayez plus tard.",
                retry_after=retry_after,
            )
        code = new_code(context.fixed_code)
        validity = CHANNEL_VALIDITY[request.channel]
        store.cancel_codes(person.id, CONTACT_CHANGE, now)
        store.insert_code(
            account_id=person.id,
            purpose=CONTACT_CHANGE,
            channel=request.channel,
            destination=value,
            code_hash=hash_secret(code),
            created_at=now,
            expires_at=now + timedelta(seconds=validity),
        )
        if request.channel is Channel.SMS:
            subject, body = None, code_sms(code, validity)
        else:
            subject, body = code_email(code, validity)
        store.add_message(person.id, request.channel, value, subject, body, now)
        store.audit("contact_change_code_sent", person.id, now, request.channel.value)
        return ContactChangeStarted(
            channel=request.channel,
            destination=display_destination(request.channel, value),
            expires_at=now + timedelta(seconds=validity),
            attempts_left=settings.max_code_attempts,
        )


def _notify_previous(
    context: StubContext, person: Account, channel: Channel, now: datetime
) -> None:
    """Tell the contact being replaced (ASVS 5.0 V6.3.7): a recovery contact changed from a
    session left open would otherwise go unnoticed until the account is taken."""
    previous = person.phone if channel is Channel.SMS else person.email
    if previous is None:
        return
    subject, body = contact_changed_notice(channel is Channel.SMS)
    context.store.add_message(
        person.id, channel, previous, None if channel is Channel.SMS else subject, body, now
    )


def verify(context: Context, caller: Authed, request: ContactCodeRequest) -> ProfileResponse:
    now = context.clock.now()
    candidate = typed_code(request.code.get_secret_value())
    store = context.store
    with store.transaction():
        person = open_to(context, caller)
        pending = store.pending_code(person.id, CONTACT_CHANGE)
        if pending is None:
            raise ApiError(
                ErrorCode.STEP_MISMATCH,
                "Aucune modification de coordonnées n'est en attente : saisissez d'abord la "
                "nouvelle coordonnée.",
            )
        refusal = check_code(context, pending, candidate, now)
        if refusal is None:
            column = "phone" if pending.channel is Channel.SMS else "email"
            store.update_code(pending.id, used_at=now)
            store.update_account(person.id, **{column: pending.destination})
            store.audit("contact_changed", person.id, now, column)
            _notify_previous(context, person, pending.channel, now)
    if refusal is not None:
        raise refusal
    return account.profile(context, caller)
