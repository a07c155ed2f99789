"""Hypothesis drives the journey controller against the real stub with random sequences of
submissions (right, wrong, out of turn, after the clock moved, after logging out and in):
the controller never crashes, and the server never lets Karim past a step he has not done."""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from pydantic import SecretStr

from caf_stub import RunningStub
from caf_tui.api import Channel, IdentifierKind, SpouseDecision, StepName
from caf_tui.backend.errors import BackendError, NotAuthenticated
from caf_tui.backend.http import HttpBackend
from caf_tui.backend.retry import NO_RETRY
from caf_tui.journey import Journey
from caf_tui.rules import normalise_nir
from tests.conftest import reset_stub
from tests.stub.journeys import ORDER

KARIM = normalise_nir("1 83 05 99 999 011 72")
LEGACY, NEW = "83051234", "Karim2024"
MIGRATION = [StepName(name) for name in ORDER]
AFTER_TERMS = set(MIGRATION[MIGRATION.index(StepName.CHOOSE_PASSWORD) :])
AFTER_PASSWORD = AFTER_TERMS - {StepName.CHOOSE_PASSWORD}
AFTER_CODE = {StepName.ACCOUNT_CREATED, StepName.SPOUSE_AUTHORISATION, StepName.DASHBOARD}

passwords = st.sampled_from([NEW, "short", "alllowercase1", "Karim2024!", LEGACY])
codes = st.sampled_from(["123456", "000000", "12345", "abcdef"])


class KarimsJourney(RuleBasedStateMachine):
    stub: RunningStub
    reached: ClassVar[set[StepName]] = set()

    def __init__(self) -> None:
        super().__init__()
        reset_stub(self.stub)
        self.loop = asyncio.new_event_loop()
        self.backend = HttpBackend(self.stub.url, retry=NO_RETRY)
        self.journey = Journey(self.backend)
        self.log_in()

    def run(self, coroutine: Any) -> Any:
        return self.loop.run_until_complete(coroutine)

    def log_in(self) -> None:
        for password in (NEW, LEGACY):
            try:
                self.run(self.journey.login(IdentifierKind.NIR, KARIM, SecretStr(password)))
                return
            except BackendError:
                continue
        raise AssertionError("Karim can no longer log in")

    def submit(self, call: Any) -> None:
        try:
            self.run(self.journey.submit(call))
        except NotAuthenticated:
            self.log_in()
        except BackendError:
            pass  # a refusal, said to the person; the journey stays where it was

    def teardown(self) -> None:
        self.run(self.backend.aclose())
        self.loop.close()

    # --- what a person (or a confused client) may send --------------------------------------

    @rule(times=st.integers(1, 7))
    def answer_as_expected(self, times: int) -> None:
        """What the step asks for, ``times`` steps in a row (so that random runs get far)."""
        for _ in range(times):
            self.answer_once()

    def answer_once(self) -> None:
        right: dict[str, Any] = {
            StepName.MIGRATION_INTRO: lambda b: b.start_migration(),
            StepName.ACCEPT_TERMS: lambda b: b.accept_terms("2021-10"),
            StepName.CHOOSE_PASSWORD: lambda b: b.choose_password(SecretStr(NEW), SecretStr(NEW)),
            StepName.CONFIRM_CONTACT: lambda b: b.confirm_contact(Channel.SMS),
            StepName.VERIFY_CODE: lambda b: b.verify_code(SecretStr("123456")),
            StepName.ACCOUNT_CREATED: lambda b: b.acknowledge_account_created(),
            StepName.SPOUSE_AUTHORISATION: lambda b: b.decide_spouse_authorisation(
                SpouseDecision.SKIP
            ),
        }
        call = right.get(self.journey.step.step)
        if call is not None:
            self.submit(call)

    @rule()
    def start(self) -> None:
        self.submit(lambda b: b.start_migration())

    @rule(version=st.sampled_from(["2021-10", "1999-01"]))
    def accept_terms(self, version: str) -> None:
        self.submit(lambda b: b.accept_terms(version))

    @rule(password=passwords, confirmation=passwords)
    def choose_password(self, password: str, confirmation: str) -> None:
        self.submit(lambda b: b.choose_password(SecretStr(password), SecretStr(confirmation)))

    @rule(phone=st.sampled_from(["06 12 34 56 78", "01 23 45", None]))
    def update_contact(self, phone: str | None) -> None:
        self.submit(lambda b: b.update_contact(phone, None))

    @rule(channel=st.sampled_from(list(Channel)))
    def confirm_contact(self, channel: Channel) -> None:
        self.submit(lambda b: b.confirm_contact(channel))

    @rule(code=codes)
    def verify_code(self, code: str) -> None:
        self.submit(lambda b: b.verify_code(SecretStr(code)))

    @rule()
    def resend_code(self) -> None:
        self.submit(lambda b: b.resend_code())

    @rule()
    def change_contact(self) -> None:
        self.submit(lambda b: b.change_contact())

    @rule()
    def acknowledge(self) -> None:
        self.submit(lambda b: b.acknowledge_account_created())

    @rule(decision=st.sampled_from(list(SpouseDecision)))
    def decide(self, decision: SpouseDecision) -> None:
        self.submit(lambda b: b.decide_spouse_authorisation(decision))

    @rule()
    def quit_and_come_back(self) -> None:
        before = self.journey.step.step
        self.run(self.journey.logout())
        self.log_in()
        assert self.journey.step.step == before  # resumed at the same step

    @rule(seconds=st.sampled_from([61, 601, 31 * 60]))
    def time_passes(self, seconds: int) -> None:
        self.stub.clock.advance(seconds)

    # --- what must always hold -------------------------------------------------------------

    @invariant()
    def never_past_a_step_not_done(self) -> None:
        step = StepName(self.journey.step.step)
        self.reached.add(step)
        karim = self.stub.context.store.account_by_nir(KARIM)
        assert karim is not None
        if step in AFTER_TERMS:
            assert karim.terms_accepted_at is not None, step
        if step in AFTER_PASSWORD:
            assert not karim.password_is_legacy, step
        if step in AFTER_CODE:
            assert karim.contact_verified_at is not None, step
        if step == StepName.DASHBOARD:
            assert karim.migrated_at is not None


def test_random_journeys_never_skip_a_step(stub: RunningStub) -> None:
    KarimsJourney.stub = stub
    run_state_machine_as_test(
        KarimsJourney,
        settings=settings(
            max_examples=12,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        ),
    )
    # The runs went all the way, so the invariant was checked on every step.
    assert StepName.DASHBOARD in KarimsJourney.reached
