"""The journey's handlers: what each submission at a step does, every rule enforced server-side.

Each handler is written as ``@journey_step(StepName.X)`` over a function of the open
``Submission``: the decorator reads the clock, opens one store transaction, loads the account,
checks that it owes that step (else 409 step_mismatch), runs the handler and answers with the
step owed next. A handler only says what its step changes.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Concatenate, ParamSpec

from caf_stub.account_security import check_new_password
from caf_stub.codes import check_code, send_code, typed_code
from caf_stub.context import Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.journey import (
    MIGRATION,
    build_step,
    display_identifier,
    load_account,
    require_step,
    seconds_until,
    spouse_of,
)
from caf_stub.messages import acknowledgment_email
from caf_stub.security import hash_secret, new_reference
from caf_stub.sessions import Authed, Caller
from caf_stub.store import Account, Code
from caf_stub.terms import TERMS_VERSION
from caf_tui import rules
from caf_tui.api import (
    AcceptTermsRequest,
    Channel,
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

log = logging.getLogger("caf_stub")

P = ParamSpec("P")


@dataclass(frozen=True)
class Submission:
    """A submission at the step the account owes, inside its store transaction."""

    context: StubContext
    account: Account
    now: datetime
    """The clock, read once when the submission arrived."""

    def update(self, **changes: object) -> None:
        self.context.store.update_account(self.account.id, **changes)

    def audit(self, event: str, detail: str | None = None) -> None:
        """Record ``event`` for this account. Never a secret in ``detail``."""
        self.context.store.audit(event, self.account.id, self.now, detail)

    def pending_code(self) -> Code:
        """The migration code being verified (the verify_code step is owed only with one)."""
        pending = self.context.store.pending_code(self.account.id, MIGRATION)
        assert pending is not None
        return pending


Handler = Callable[Concatenate[Submission, P], ApiError | None]
"""What a handler does at its step. It returns a refusal to raise once its writes are saved
(a wrong code's try must count), or None to answer with the step owed next."""

Endpoint = Callable[..., JourneyResponse]
"""A handler made an endpoint ``(context, caller, *request)``, which FastAPI calls by keyword
with the parameters of its ``__signature__``."""

_SESSION_PARAMETERS = (
    inspect.Parameter("context", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Context),
    inspect.Parameter("caller", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Authed),
)


def respond(context: StubContext, account_id: int) -> JourneyResponse:
    account = context.store.account(account_id)
    assert account is not None
    return JourneyResponse(next=build_step(context, account), server_time=context.clock.now())


def journey_step(
    *steps: StepName, allowed: Callable[[StubContext, Account], None] | None = None
) -> Callable[[Handler[P]], Endpoint]:
    """Make ``handler`` an endpoint ``(context, caller, *request)``: clock, transaction,
    account, ``allowed`` (a refusal checked before the step), the step check (none when no
    step is given), the handler, and the answer. FastAPI serves the endpoint as it is: its
    signature is the session's and the handler's request (the body model)."""

    def decorate(handler: Handler[P]) -> Endpoint:
        def endpoint(
            context: StubContext, caller: Caller, *args: P.args, **kwargs: P.kwargs
        ) -> JourneyResponse:
            now = context.clock.now()
            with context.store.transaction():
                account = load_account(context, caller)
                if allowed is not None:
                    allowed(context, account)
                if steps:
                    require_step(context, account, *steps)
                refusal = handler(Submission(context, account, now), *args, **kwargs)
                answer = respond(context, account.id) if refusal is None else None
            if refusal is not None:
                raise refusal
            assert answer is not None
            return answer

        functools.update_wrapper(endpoint, handler)
        _, *request = inspect.signature(handler, eval_str=True).parameters.values()
        endpoint.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [*_SESSION_PARAMETERS, *request], return_annotation=JourneyResponse
        )
        return endpoint

    return decorate


@journey_step()
def current(submission: Submission) -> None:
    """Only the answer: the step owed now."""


@journey_step(StepName.MIGRATION_INTRO)
def start(submission: Submission) -> None:
    submission.update(migration_started_at=submission.now)
    submission.audit("migration_started")


@journey_step(StepName.ACCEPT_TERMS)
def accept_terms(submission: Submission, request: AcceptTermsRequest) -> None:
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
    submission.update(terms_version=TERMS_VERSION, terms_accepted_at=submission.now)
    submission.audit("terms_accepted", TERMS_VERSION)


@journey_step(StepName.CHOOSE_PASSWORD)
def choose_password(submission: Submission, request: ChoosePasswordRequest) -> None:
    password = request.password.get_secret_value()
    check_new_password(submission.context, password, request.confirmation.get_secret_value())
    submission.update(password_hash=hash_secret(password), password_is_legacy=False)
    submission.audit("password_chosen")
    log.info("new password chosen by account %d", submission.account.id)


@journey_step(StepName.CONFIRM_CONTACT)
def update_contact(submission: Submission, request: UpdateContactRequest) -> None:
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
        submission.update(**changes)
        submission.audit("contact_updated", ",".join(sorted(changes)))


@journey_step(StepName.CONFIRM_CONTACT)
def confirm_contact(submission: Submission, request: ConfirmContactRequest) -> None:
    send_code(submission.context, submission.account, request.channel, submission.now)


@journey_step(StepName.VERIFY_CODE)
def verify_code(submission: Submission, request: VerifyCodeRequest) -> ApiError | None:
    candidate = typed_code(request.code.get_secret_value())
    context, now = submission.context, submission.now
    pending = submission.pending_code()
    refusal = check_code(context, pending, candidate, now)
    if refusal is not None:
        return refusal  # raised once the try is counted
    context.store.update_code(pending.id, used_at=now)
    submission.update(contact_verified_at=now, migrated_at=now)
    submission.audit("contact_verified", pending.channel.value)
    _acknowledge(context, submission.account, now)
    log.info("account %d migrated", submission.account.id)
    return None


def _acknowledge(context: StubContext, account: Account, now: datetime) -> None:
    if account.email is None:
        return
    kind, identifier = display_identifier(account)
    subject, body = acknowledgment_email(kind, identifier, new_reference(), now)
    context.store.add_message(account.id, Channel.EMAIL, account.email, subject, body, now)


@journey_step(StepName.VERIFY_CODE)
def resend_code(submission: Submission) -> None:
    context, now = submission.context, submission.now
    pending = submission.pending_code()
    available_at = pending.created_at + timedelta(seconds=context.settings.resend_cooldown_seconds)
    if now < available_at:
        retry_after = seconds_until(available_at, now)
        raise ApiError(
            ErrorCode.OTP_RESEND_TOO_SOON,
            f"Un code vient de vous être envoyé : attendez {retry_after} secondes avant "
            "d'en demander un nouveau.",
            retry_after=retry_after,
        )
    send_code(context, submission.account, pending.channel, now)


@journey_step(StepName.VERIFY_CODE)
def change_contact(submission: Submission) -> None:
    submission.context.store.cancel_codes(submission.account.id, MIGRATION, submission.now)
    submission.audit("code_cancelled")


@journey_step(StepName.ACCOUNT_CREATED)
def acknowledge_created(submission: Submission) -> None:
    submission.update(created_ack_at=submission.now)


def _responsable_in_couple(context: StubContext, account: Account) -> None:
    if account.role is not Role.RESPONSABLE or spouse_of(context.store, account) is None:
        raise ApiError(
            ErrorCode.FORBIDDEN,
            "Seul le responsable du dossier, en couple, peut donner des autorisations à "
            "son conjoint ou sa conjointe.",
        )


@journey_step(StepName.SPOUSE_AUTHORISATION, allowed=_responsable_in_couple)
def decide_spouse(submission: Submission, request: SpouseAuthorisationRequest) -> None:
    submission.update(spouse_decision=request.decision, spouse_decided_at=submission.now)
    submission.audit("spouse_decision", request.decision.value)
