"""Which step an account owes, derived from what the store holds, and the step models.

Because the step is derived from persisted fields only, « Quitter » then a new login (or a
killed and restarted stub) resumes at the same step.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from backend_stub.context import StubContext
from backend_stub.errors import ApiError
from backend_stub.store import Account, Code, Store
from backend_stub.terms import TERMS_VERSION, terms_sections
from caf_tui import rules
from caf_tui.api import (
    AcceptTermsStep,
    AccountCreatedStep,
    Channel,
    ChannelOption,
    ChoosePasswordStep,
    ConfirmContactStep,
    DashboardStep,
    ErrorCode,
    IdentifierKind,
    MigrationIntroStep,
    NextStep,
    Progress,
    Role,
    SpouseAuthorisationStep,
    SpouseDecision,
    SpouseRight,
    StepName,
    VerifyCodeStep,
)

MIGRATION = "migration"
"""The purpose of the codes sent during the migration."""

CHANNEL_VALIDITY: dict[Channel, int] = {Channel.SMS: 600, Channel.EMAIL: 900}
"""Seconds a code stays valid, by channel (the portal: 10 minutes by SMS, 15 by e-mail)."""

MIGRATION_STAGES = 3

STEP_TITLES: dict[StepName, str] = {
    StepName.LOGIN: "la connexion",
    StepName.MIGRATION_INTRO: "la présentation du changement de connexion",
    StepName.ACCEPT_TERMS: "les conditions générales d'utilisation",
    StepName.CHOOSE_PASSWORD: "le choix du mot de passe",
    StepName.CONFIRM_CONTACT: "la vérification des coordonnées de contact",
    StepName.VERIFY_CODE: "la saisie du code de vérification",
    StepName.ACCOUNT_CREATED: "la confirmation de création de votre Espace Mon Compte",
    StepName.SPOUSE_AUTHORISATION: "les autorisations de votre conjoint(e)",
    StepName.DASHBOARD: "l'accueil de Mon Compte",
}


# --- the household -----------------------------------------------------------------------------


def spouse_of(store: Store, account: Account) -> Account | None:
    """The spouse in a responsable's household, if any."""
    if account.role is not Role.RESPONSABLE:
        return None
    for member in store.household_accounts(account.household_id):
        if member.role is Role.SPOUSE:
            return member
    return None


def responsable_of(store: Store, account: Account) -> Account | None:
    for member in store.household_accounts(account.household_id):
        if member.role is Role.RESPONSABLE:
            return member
    return None


def spouse_authorised(store: Store, account: Account) -> bool:
    """For a spouse, whether the responsable authorised them (read afresh on every call)."""
    if account.role is not Role.SPOUSE:
        return False
    responsable = responsable_of(store, account)
    return responsable is not None and responsable.spouse_decision is SpouseDecision.AUTHORISE


# --- the step owed -----------------------------------------------------------------------------


def owed_step(account: Account, pending_code: Code | None, has_spouse: bool) -> StepName:
    """The step ``account`` owes, from its persisted fields alone."""
    if account.migrated_at is None:
        if account.migration_started_at is None:
            return StepName.MIGRATION_INTRO
        if account.terms_accepted_at is None or account.terms_version != TERMS_VERSION:
            return StepName.ACCEPT_TERMS
        if account.password_is_legacy or account.password_hash is None:
            return StepName.CHOOSE_PASSWORD
        if pending_code is not None:
            return StepName.VERIFY_CODE
        return StepName.CONFIRM_CONTACT
    if account.created_ack_at is None:
        return StepName.ACCOUNT_CREATED
    if has_spouse and account.spouse_decision is None:
        return StepName.SPOUSE_AUTHORISATION
    return StepName.DASHBOARD


def step_of(context: StubContext, account: Account) -> StepName:
    store = context.store
    pending = store.pending_code(account.id, MIGRATION)
    return owed_step(account, pending, spouse_of(store, account) is not None)


def require_step(context: StubContext, account: Account, *expected: StepName) -> StepName:
    """The account's step if it is one of ``expected``; else 409 step_mismatch."""
    current = step_of(context, account)
    if current not in expected:
        raise ApiError(
            ErrorCode.STEP_MISMATCH,
            f"Cette action ne correspond pas à l'étape en cours ({STEP_TITLES[current]}) : "
            "reprenez votre démarche là où vous l'aviez laissée.",
        )
    return current


# --- the step models -----------------------------------------------------------------------------


def display_identifier(account: Account) -> tuple[IdentifierKind, str]:
    """(kind, identifier grouped for display) of the identifier the person uses from now on."""
    if account.nir is not None:
        return IdentifierKind.NIR, rules.format_nir(account.nir)
    assert account.temporary_id is not None
    return IdentifierKind.TEMPORARY, account.temporary_id


def display_destination(channel: Channel, destination: str) -> str:
    return rules.format_phone(destination) if channel is Channel.SMS else destination


def sends_in_window(context: StubContext, account_id: int, now: datetime) -> list[datetime]:
    """When codes were sent to this account in the rolling hour before ``now``, oldest first."""
    return context.store.code_times_since(account_id, MIGRATION, now - timedelta(hours=1))


def seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, math.ceil((moment - now).total_seconds()))


def build_step(context: StubContext, account: Account) -> NextStep:
    """The model of the step ``account`` owes, with the data its screen needs."""
    store = context.store
    settings = context.settings
    pending = store.pending_code(account.id, MIGRATION)
    spouse = spouse_of(store, account)
    step = owed_step(account, pending, spouse is not None)

    def progress(current: int) -> Progress:
        return Progress(current=current, total=MIGRATION_STAGES)

    if step is StepName.MIGRATION_INTRO:
        return MigrationIntroStep()
    if step is StepName.ACCEPT_TERMS:
        return AcceptTermsStep(
            progress=progress(1), version=TERMS_VERSION, sections=terms_sections()
        )
    if step is StepName.CHOOSE_PASSWORD:
        return ChoosePasswordStep(progress=progress(2), policy=context.policy)
    if step is StepName.CONFIRM_CONTACT:
        phone = rules.format_phone(account.phone) if account.phone else None
        return ConfirmContactStep(
            progress=progress(3),
            phone=phone,
            email=account.email,
            options=[
                ChannelOption(
                    channel=Channel.SMS,
                    destination=phone,
                    validity_seconds=CHANNEL_VALIDITY[Channel.SMS],
                ),
                ChannelOption(
                    channel=Channel.EMAIL,
                    destination=account.email,
                    validity_seconds=CHANNEL_VALIDITY[Channel.EMAIL],
                ),
            ],
        )
    if step is StepName.VERIFY_CODE:
        assert pending is not None
        now = context.clock.now()
        sent = sends_in_window(context, account.id, now)
        return VerifyCodeStep(
            progress=progress(3),
            channel=pending.channel,
            destination=display_destination(pending.channel, pending.destination),
            expires_at=pending.expires_at,
            resend_available_at=pending.created_at
            + timedelta(seconds=settings.resend_cooldown_seconds),
            attempts_left=max(0, settings.max_code_attempts - pending.attempts),
            sends_left=max(0, settings.max_sends_per_hour - len(sent)),
        )
    if step is StepName.ACCOUNT_CREATED:
        kind, identifier = display_identifier(account)
        return AccountCreatedStep(identifier_kind=kind, identifier=identifier)
    if step is StepName.SPOUSE_AUTHORISATION:
        assert spouse is not None
        return SpouseAuthorisationStep(
            spouse_name=f"{spouse.given_names} {spouse.family_name}",
            rights=[
                SpouseRight.CONSULT_RIGHTS_PAYMENTS,
                SpouseRight.DECLARE_CHANGES,
                SpouseRight.REQUEST_BENEFIT,
            ],
        )
    return DashboardStep()
