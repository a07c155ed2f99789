"""Which step an account owes, derived from what the store holds, and the step models.

One ordered table, ``JOURNEY``, says it all: each row is a step, the condition on the persisted
account that makes it owed, and the builder of its model; the first row whose condition holds is
the step owed. Adding a step is adding a row (and its model in ``caf_tui.api``).

Because the step is derived from persisted fields only, « Quitter » then a new login (or a
killed and restarted stub) resumes at the same step.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from caf_stub.context import StubContext
from caf_stub.errors import ApiError
from caf_stub.sessions import Caller
from caf_stub.store import Account, Code, Store
from caf_stub.terms import TERMS_VERSION, terms_sections
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


def load_account(context: StubContext, caller: Caller) -> Account:
    """The account behind a session (401 if a reset wiped it while the session was open)."""
    account = context.store.account(caller.account_id)
    if account is None:
        raise ApiError(
            ErrorCode.UNAUTHENTICATED,
            "Ce compte n'existe plus sur le service : connectez-vous à nouveau.",
        )
    return account


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


# --- the helpers of the step models ----------------------------------------------------------


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


def _stage(current: int) -> Progress:
    return Progress(current=current, total=MIGRATION_STAGES)


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """What the store holds that decides the step an account owes."""

    account: Account
    pending_code: Code | None
    """The account's latest migration code neither used nor cancelled (it may have expired)."""
    has_spouse: bool

    @property
    def migrating(self) -> bool:
        return self.account.migrated_at is None


@dataclass(frozen=True)
class JourneyStep:
    """One row of the journey: a step, when it is owed, and the model its screen gets."""

    name: StepName
    title: str
    """The step in words, for « Cette action ne correspond pas à l'étape en cours (…) »."""
    owed: Callable[[Standing], bool]
    """True when the account owes this step (given that no earlier row is owed)."""
    build: Callable[[StubContext, Standing], NextStep]


def _terms_owed(s: Standing) -> bool:
    terms_current = s.account.terms_accepted_at is not None
    return s.migrating and not (terms_current and s.account.terms_version == TERMS_VERSION)


def _password_owed(s: Standing) -> bool:
    return s.migrating and (s.account.password_is_legacy or s.account.password_hash is None)


def _build_terms(context: StubContext, s: Standing) -> NextStep:
    return AcceptTermsStep(progress=_stage(1), version=TERMS_VERSION, sections=terms_sections())


def _build_password(context: StubContext, s: Standing) -> NextStep:
    return ChoosePasswordStep(progress=_stage(2), policy=context.policy)


def _build_contact(context: StubContext, s: Standing) -> NextStep:
    account = s.account
    phone = rules.format_phone(account.phone) if account.phone else None
    return ConfirmContactStep(
        progress=_stage(3),
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


def _build_code(context: StubContext, s: Standing) -> NextStep:
    pending = s.pending_code
    assert pending is not None
    settings = context.settings
    sent = sends_in_window(context, s.account.id, context.clock.now())
    return VerifyCodeStep(
        progress=_stage(3),
        channel=pending.channel,
        destination=display_destination(pending.channel, pending.destination),
        expires_at=pending.expires_at,
        resend_available_at=pending.created_at
        + timedelta(seconds=settings.resend_cooldown_seconds),
        attempts_left=max(0, settings.max_code_attempts - pending.attempts),
        sends_left=max(0, settings.max_sends_per_hour - len(sent)),
    )


def _build_created(context: StubContext, s: Standing) -> NextStep:
    kind, identifier = display_identifier(s.account)
    return AccountCreatedStep(identifier_kind=kind, identifier=identifier)


def _build_spouse(context: StubContext, s: Standing) -> NextStep:
    spouse = spouse_of(context.store, s.account)
    assert spouse is not None
    return SpouseAuthorisationStep(
        spouse_name=f"{spouse.given_names} {spouse.family_name}",
        rights=[
            SpouseRight.CONSULT_RIGHTS_PAYMENTS,
            SpouseRight.DECLARE_CHANGES,
            SpouseRight.REQUEST_BENEFIT,
        ],
    )


JOURNEY: tuple[JourneyStep, ...] = (
    JourneyStep(
        StepName.MIGRATION_INTRO,
        "la présentation du changement de connexion",
        lambda s: s.migrating and s.account.migration_started_at is None,
        lambda context, s: MigrationIntroStep(),
    ),
    JourneyStep(
        StepName.ACCEPT_TERMS,
        "les conditions générales d'utilisation",
        _terms_owed,
        _build_terms,
    ),
    JourneyStep(
        StepName.CHOOSE_PASSWORD,
        "le choix du mot de passe",
        _password_owed,
        _build_password,
    ),
    JourneyStep(
        StepName.VERIFY_CODE,
        "la saisie du code de vérification",
        lambda s: s.migrating and s.pending_code is not None,
        _build_code,
    ),
    JourneyStep(
        StepName.CONFIRM_CONTACT,
        "la vérification des coordonnées de contact",
        lambda s: s.migrating,
        _build_contact,
    ),
    JourneyStep(
        StepName.ACCOUNT_CREATED,
        "la confirmation de création de votre Espace Mon Compte",
        lambda s: s.account.created_ack_at is None,
        _build_created,
    ),
    JourneyStep(
        StepName.SPOUSE_AUTHORISATION,
        "les autorisations de votre conjoint(e)",
        lambda s: s.has_spouse and s.account.spouse_decision is None,
        _build_spouse,
    ),
    JourneyStep(
        StepName.DASHBOARD,
        "l'accueil de Mon Compte",
        lambda s: True,
        lambda context, s: DashboardStep(),
    ),
)
"""The journey in order. The last row is owed whenever no other is."""

STEP_TITLES: dict[StepName, str] = {row.name: row.title for row in JOURNEY}


# --- the step owed -----------------------------------------------------------------------------


def _owed_row(standing: Standing) -> JourneyStep:
    return next(row for row in JOURNEY if row.owed(standing))


def standing_of(context: StubContext, account: Account) -> Standing:
    store = context.store
    return Standing(
        account=account,
        pending_code=store.pending_code(account.id, MIGRATION),
        has_spouse=spouse_of(store, account) is not None,
    )


def owed_step(account: Account, pending_code: Code | None, has_spouse: bool) -> StepName:
    """The step ``account`` owes, from its persisted fields alone."""
    return _owed_row(Standing(account, pending_code, has_spouse)).name


def step_of(context: StubContext, account: Account) -> StepName:
    return _owed_row(standing_of(context, account)).name


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


def build_step(context: StubContext, account: Account) -> NextStep:
    """The model of the step ``account`` owes, with the data its screen needs."""
    standing = standing_of(context, account)
    return _owed_row(standing).build(context, standing)
