"""The journey's one ordered table (``caf_stub.journey.JOURNEY``): a row per step, the first
row owed wins, the last is owed whatever the account."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from caf_stub import RunningStub
from caf_stub.journey import JOURNEY, STEP_TITLES, Standing, owed_step
from caf_stub.personas import KARIM
from caf_stub.store import Account
from caf_stub.terms import TERMS_VERSION
from caf_tui.api import SpouseDecision, StepName

NOT_OWED_BY_AN_ACCOUNT = {StepName.LOGIN, StepName.RECOVERY_CODE, StepName.RECOVERY_PASSWORD}
T = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.fixture
def fresh(stub: RunningStub) -> Account:
    """Karim as seeded: nothing of the migration done yet."""
    assert KARIM.nir is not None
    account = stub.context.store.account_by_nir(KARIM.nir)
    assert account is not None and account.migrated_at is None
    return account


def test_each_journey_step_has_exactly_one_row() -> None:
    names = [row.name for row in JOURNEY]
    assert len(names) == len(set(names))
    assert set(names) == set(StepName) - NOT_OWED_BY_AN_ACCOUNT
    assert set(STEP_TITLES) == set(names) and all(STEP_TITLES.values())


def test_the_first_row_owed_wins(fresh: Account) -> None:
    # Terms, password and code all outstanding: the intro comes first, then each in turn.
    assert owed_step(fresh, None, True) is StepName.MIGRATION_INTRO
    started = replace(fresh, migration_started_at=T)
    assert owed_step(started, None, True) is StepName.ACCEPT_TERMS
    accepted = replace(started, terms_accepted_at=T, terms_version=TERMS_VERSION)
    assert owed_step(accepted, None, True) is StepName.CHOOSE_PASSWORD
    stale_terms = replace(accepted, terms_version="1999-01")
    assert owed_step(stale_terms, None, True) is StepName.ACCEPT_TERMS
    chosen = replace(accepted, password_is_legacy=False, password_hash="x")
    assert owed_step(chosen, None, True) is StepName.CONFIRM_CONTACT


def test_after_the_migration_the_acknowledgement_then_the_spouse_then_the_dashboard(
    fresh: Account,
) -> None:
    migrated = replace(fresh, migrated_at=T, password_is_legacy=False, password_hash="x")
    assert owed_step(migrated, None, True) is StepName.ACCOUNT_CREATED
    acknowledged = replace(migrated, created_ack_at=T)
    assert owed_step(acknowledged, None, True) is StepName.SPOUSE_AUTHORISATION
    assert owed_step(acknowledged, None, False) is StepName.DASHBOARD
    decided = replace(acknowledged, spouse_decision=SpouseDecision.SKIP)
    assert owed_step(decided, None, True) is StepName.DASHBOARD


def test_the_last_row_is_owed_whatever_the_account(fresh: Account) -> None:
    assert JOURNEY[-1].name is StepName.DASHBOARD
    assert JOURNEY[-1].owed(Standing(account=fresh, pending_code=None, has_spouse=False))
