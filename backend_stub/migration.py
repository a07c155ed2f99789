"""The « votre connexion change » journey, step by step, with every rule enforced server-side.

Each submission checks first that the account owes that step (else 409 step_mismatch), runs in
one store transaction, and answers with the step owed next.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from backend_stub.codes import check_code, send_code
from backend_stub.context import StubContext
from backend_stub.errors import ApiError
from backend_stub.journey import (
    MIGRATION,
    build_step,
    display_identifier,
    require_step,
    seconds_until,
    spouse_of,
)
from backend_stub.messages import acknowledgment_email
from backend_stub.security import hash_secret, new_reference
from backend_stub.sessions import Caller
from backend_stub.store import Account
from backend_stub.terms import TERMS_VERSION
from caf_tui import rules
from caf_tui.api import (
    AcceptTermsRequest,
    ChoosePasswordRequest,
    ConfirmContactRequest,
    ErrorCode,
    JourneyResponse,
    Role,
    SpouseAuthorisationRequest,
    StepName,
    UpdateContactRequest,
    VerifyCodeRequest,
)

log = logging.getLogger("backend_stub")


def load_account(context: StubContext, caller: Caller) -> Account:
    account = context.store.account(caller.account_id)
    if account is None:  # wiped by a reset while the session was open
        raise ApiError(
            ErrorCode.UNAUTHENTICATED,
            "Ce compte n'existe plus sur le service : connectez-vous à nouveau.",
        )
    return account


def respond(context: StubContext, account_id: int) -> JourneyResponse:
    account = context.store.account(account_id)
    assert account is not None
    return JourneyResponse(next=build_step(context, account), server_time=context.clock.now())


def current(context: StubContext, caller: Caller) -> JourneyResponse:
    with context.store.transaction():
        load_account(context, caller)
        return respond(context, caller.account_id)


def start(context: StubContext, caller: Caller) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.MIGRATION_INTRO)
        context.store.update_account(account.id, migration_started_at=now)
        context.store.audit("migration_started", account.id, now)
        return respond(context, account.id)


def accept_terms(
    context: StubContext, caller: Caller, request: AcceptTermsRequest
) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.ACCEPT_TERMS)
        if request.version != TERMS_VERSION:
            raise ApiError(
                ErrorCode.TERMS_NOT_ACCEPTED,
                f"Les conditions générales d'utilisation ont changé (version {TERMS_VERSION}) : "
                "relisez-les puis acceptez-les.",
                field="version",
            )
        if not request.accepted:
            raise ApiError(
                ErrorCode.TERMS_NOT_ACCEPTED,
                "Pour continuer, cochez « J'ai pris connaissance des conditions générales "
                "d'utilisation et je les accepte ».",
                field="accepted",
            )
        context.store.update_account(account.id, terms_version=TERMS_VERSION, terms_accepted_at=now)
        context.store.audit("terms_accepted", account.id, now, TERMS_VERSION)
        return respond(context, account.id)


def choose_password(
    context: StubContext, caller: Caller, request: ChoosePasswordRequest
) -> JourneyResponse:
    now = context.clock.now()
    policy = context.policy
    password = request.password.get_secret_value()
    confirmation = request.confirmation.get_secret_value()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.CHOOSE_PASSWORD)
        checks = rules.check_password(password, confirmation, policy)
        failed = rules.failed_rules(checks)
        broken = [c for c in checks if not c.ok and c.rule is not rules.PasswordRule.MATCH]
        if broken:
            policy_checks = [c for c in checks if c.rule is not rules.PasswordRule.MATCH]
            labels = ", ".join(c.label for c in broken)
            message = (
                f"Le mot de passe ne respecte pas ces règles : {labels}. "
                + rules.checklist_sentence(policy_checks, policy)
            )
            if rules.PasswordRule.MATCH in failed:
                message += " La confirmation diffère aussi du mot de passe."
            raise ApiError(
                ErrorCode.PASSWORD_POLICY,
                message,
                field="password",
                failed_rules=[rule.value for rule in failed],
            )
        if failed:
            raise ApiError(
                ErrorCode.PASSWORD_MISMATCH,
                "La confirmation ne correspond pas au nouveau mot de passe : saisissez deux fois "
                "le même mot de passe.",
                field="confirmation",
                failed_rules=[rule.value for rule in failed],
            )
        context.store.update_account(
            account.id, password_hash=hash_secret(password), password_is_legacy=False
        )
        context.store.audit("password_chosen", account.id, now)
        log.info("new password chosen by account %d", account.id)
        return respond(context, account.id)


def update_contact(
    context: StubContext, caller: Caller, request: UpdateContactRequest
) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.CONFIRM_CONTACT)
        changes: dict[str, object] = {}
        if request.phone is not None:
            try:
                changes["phone"] = rules.normalise_phone(request.phone)
            except rules.RuleError as exc:
                raise ApiError(ErrorCode.INVALID_PHONE, exc.message, field="phone") from exc
        if request.email is not None:
            try:
                changes["email"] = rules.normalise_email(request.email)
            except rules.RuleError as exc:
                raise ApiError(ErrorCode.INVALID_EMAIL, exc.message, field="email") from exc
        if changes:
            context.store.update_account(account.id, **changes)
            context.store.audit("contact_updated", account.id, now, ",".join(sorted(changes)))
        return respond(context, account.id)


def confirm_contact(
    context: StubContext, caller: Caller, request: ConfirmContactRequest
) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.CONFIRM_CONTACT)
        send_code(context, account, request.channel, now)
        return respond(context, account.id)


def verify_code(
    context: StubContext, caller: Caller, request: VerifyCodeRequest
) -> JourneyResponse:
    now = context.clock.now()
    store = context.store
    answer: JourneyResponse | None = None
    with store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.VERIFY_CODE)
        try:
            candidate = rules.normalise_code(request.code.get_secret_value())
        except rules.RuleError as exc:
            raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field="code") from exc
        pending = store.pending_code(account.id, MIGRATION)
        assert pending is not None
        refusal = check_code(context, pending, candidate, now)
        if refusal is None:
            store.update_code(pending.id, used_at=now)
            store.update_account(account.id, contact_verified_at=now, migrated_at=now)
            store.audit("contact_verified", account.id, now, pending.channel.value)
            _acknowledge(context, account, now)
            log.info("account %d migrated", account.id)
            answer = respond(context, account.id)
    if refusal is not None:
        raise refusal
    assert answer is not None
    return answer


def _acknowledge(context: StubContext, account: Account, now: datetime) -> None:
    if account.email is None:
        return
    kind, identifier = display_identifier(account)
    subject, body = acknowledgment_email(kind, identifier, new_reference(), now)
    context.store.add_message(
        channel="email",
        to=account.email,
        subject=subject,
        body=body,
        sent_at=now,
        account_id=account.id,
    )


def resend_code(context: StubContext, caller: Caller) -> JourneyResponse:
    now = context.clock.now()
    store = context.store
    with store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.VERIFY_CODE)
        pending = store.pending_code(account.id, MIGRATION)
        assert pending is not None
        available_at = pending.created_at + timedelta(
            seconds=context.settings.resend_cooldown_seconds
        )
        if now < available_at:
            retry_after = seconds_until(available_at, now)
            raise ApiError(
                ErrorCode.OTP_RESEND_TOO_SOON,
                f"Un code vient de vous être envoyé : attendez {retry_after} secondes avant "
                "d'en demander un nouveau.",
                retry_after=retry_after,
            )
        send_code(context, account, pending.channel, now)
        return respond(context, account.id)


def change_contact(context: StubContext, caller: Caller) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.VERIFY_CODE)
        context.store.cancel_codes(account.id, MIGRATION, now)
        context.store.audit("code_cancelled", account.id, now)
        return respond(context, account.id)


def acknowledge_created(context: StubContext, caller: Caller) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        require_step(context, account, StepName.ACCOUNT_CREATED)
        context.store.update_account(account.id, created_ack_at=now)
        return respond(context, account.id)


def decide_spouse(
    context: StubContext, caller: Caller, request: SpouseAuthorisationRequest
) -> JourneyResponse:
    now = context.clock.now()
    with context.store.transaction():
        account = load_account(context, caller)
        if account.role is not Role.RESPONSABLE or spouse_of(context.store, account) is None:
            raise ApiError(
                ErrorCode.FORBIDDEN,
                "Seul le responsable du dossier, en couple, peut donner des autorisations à "
                "son conjoint ou sa conjointe.",
            )
        require_step(context, account, StepName.SPOUSE_AUTHORISATION)
        context.store.update_account(
            account.id, spouse_decision=request.decision, spouse_decided_at=now
        )
        context.store.audit("spouse_decision", account.id, now, request.decision.value)
        return respond(context, account.id)
