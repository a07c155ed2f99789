"""The app's own HTTP client (caf_tui.backend.http) against the stub: the two agree."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from caf_stub.personas import KARIM, PAUL
from caf_stub.testing import CODE
from caf_tui.api import (
    AcceptTermsStep,
    Channel,
    DashboardStep,
    IdentifierKind,
    SpouseDecision,
    VerifyCodeStep,
)
from caf_tui.backend.errors import (
    AccountLocked,
    CodeRejected,
    InvalidCredentials,
    InvalidInput,
    NotAuthenticated,
    StepMismatch,
)
from caf_tui.backend.http import HttpBackend


@pytest.fixture
async def backend(stub):
    client = HttpBackend(stub.url)
    yield client
    await client.aclose()


async def test_paul_reaches_his_dashboard(backend):
    answer = await backend.login(IdentifierKind.NIR, PAUL.identifier, SecretStr("Leroy1978"))
    assert isinstance(answer.next, DashboardStep)
    dashboard = await backend.dashboard()
    assert dashboard.person.given_names == "Paul"
    assert dashboard.payments
    await backend.logout()
    with pytest.raises(NotAuthenticated):
        await backend.current_step()


async def test_refusals_become_typed_exceptions(backend):
    with pytest.raises(InvalidCredentials):
        await backend.login(IdentifierKind.NIR, PAUL.identifier, SecretStr("Nope12345"))
    with pytest.raises(InvalidInput) as malformed:
        await backend.login(IdentifierKind.NIR, "123", SecretStr("x"))
    assert malformed.value.field == "identifier"
    with pytest.raises(AccountLocked) as locked:
        await backend.login(IdentifierKind.NIR, "190039999901779", SecretStr("90031111"))
    assert locked.value.detail.locked_until is not None


async def test_karim_migrates_through_the_client(backend):
    await backend.login(IdentifierKind.NIR, KARIM.identifier, SecretStr("83051234"))
    with pytest.raises(StepMismatch):
        await backend.dashboard()
    terms = (await backend.start_migration()).next
    assert isinstance(terms, AcceptTermsStep)
    await backend.accept_terms(terms.version)
    with pytest.raises(InvalidInput) as policy:
        await backend.choose_password(SecretStr("abc"), SecretStr("abc"))
    assert policy.value.detail.failed_rules == ["length", "digit", "upper"]
    await backend.choose_password(SecretStr("Karim2026ok"), SecretStr("Karim2026ok"))
    with pytest.raises(InvalidInput) as phone:
        await backend.update_contact("0123", None)
    assert phone.value.field == "phone"
    await backend.update_contact("06 12 34 56 78", None)
    step = (await backend.confirm_contact(Channel.SMS)).next
    assert isinstance(step, VerifyCodeStep)
    assert step.destination == "06 12 34 56 78"
    with pytest.raises(CodeRejected) as too_soon:
        await backend.resend_code()
    assert too_soon.value.detail.retry_after == 60
    with pytest.raises(CodeRejected) as wrong:
        await backend.verify_code(SecretStr("000000"))
    assert wrong.value.detail.attempts_left == 4
    assert (await backend.verify_code(SecretStr(CODE))).next.step == "account_created"
    assert (await backend.acknowledge_account_created()).next.step == "spouse_authorisation"
    answer = await backend.decide_spouse_authorisation(SpouseDecision.AUTHORISE)
    assert isinstance(answer.next, DashboardStep)
    outbox = await backend.demo_outbox()
    assert outbox[0].subject == "Accusé de réception de votre démarche en ligne"
    assert outbox[1].body.startswith("Votre code de vérification Caf")
