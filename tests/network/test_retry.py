"""The HTTP client under a bad network, against the real stub: what it tries again, how often,
and why a retried « send the code » never sends two codes."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from caf_stub import RunningStub
from caf_tui.api import Channel, IdentifierKind
from caf_tui.backend.errors import BackendUnavailable, InvalidCredentials
from caf_tui.backend.http import HttpBackend
from caf_tui.backend.retry import RetryPolicy, action_key
from caf_tui.rules import normalise_nir

from .transports import BadNetwork

KARIM = normalise_nir("1 83 05 99 999 011 72")
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02, attempt_timeout=2.0)


def backend_on(stub: RunningStub, network: BadNetwork, policy: RetryPolicy = FAST) -> HttpBackend:
    return HttpBackend(stub.url, transport=network, retry=policy)


@pytest.fixture
def network() -> BadNetwork:
    return BadNetwork()


@pytest.fixture
async def backend(stub: RunningStub, network: BadNetwork) -> AsyncIterator[HttpBackend]:
    """The client on ``network`` with the ``FAST`` policy, closed after the test."""
    client = backend_on(stub, network)
    yield client
    await client.aclose()


async def karim_to_contact(backend: HttpBackend) -> None:
    await backend.login(IdentifierKind.NIR, KARIM, SecretStr("83051234"))
    await backend.start_migration()
    step = await backend.current_step()
    await backend.accept_terms(step.next.version)  # type: ignore[union-attr]
    password = SecretStr("Karim2024")
    await backend.choose_password(password, password)


def sms_sent(stub: RunningStub) -> int:
    return sum(1 for m in stub.context.store.messages() if m.channel == "sms")


async def test_a_lost_answer_to_send_the_code_sends_one_code(
    stub: RunningStub, network: BadNetwork, backend: HttpBackend
) -> None:
    await karim_to_contact(backend)
    network.lose_answers = 1  # the stub sends the code, its answer is lost
    step = await backend.confirm_contact(Channel.SMS)
    assert step.next.step == "verify_code"
    tries = network.writes("/journey/confirm_contact")
    assert len(tries) == 2
    assert tries[0].idempotency_key and tries[0].idempotency_key == tries[1].idempotency_key
    assert sms_sent(stub) == 1


async def test_without_the_same_key_a_second_try_would_act_again(
    stub: RunningStub, network: BadNetwork, backend: HttpBackend
) -> None:
    """The control: the stub really acts on each new key (so the test above proves the key)."""
    await karim_to_contact(backend)
    await backend.confirm_contact(Channel.SMS)
    stub.clock.advance(61)  # past the resend cooldown
    await backend.change_contact()
    await backend.confirm_contact(Channel.SMS)
    keys = {s.idempotency_key for s in network.writes("/journey/confirm_contact")}
    assert len(keys) == 2
    assert sms_sent(stub) == 2


async def test_reayssayer_under_the_same_action_key_replays(
    stub: RunningStub, network: BadNetwork, backend: HttpBackend
) -> None:
    """Every try failed (the person sees « Réessayer »); pressing it sends under the same key."""
    await karim_to_contact(backend)
    network.lose_answers = 3
    with action_key() as key, pytest.raises(BackendUnavailable):
        await backend.confirm_contact(Channel.SMS)
    with action_key(key):
        step = await backend.confirm_contact(Channel.SMS)
    assert step.next.step == "verify_code"
    assert len(network.writes("/journey/confirm_contact")) == 4
    assert sms_sent(stub) == 1


async def test_gets_are_retried_after_refused_connections(
    network: BadNetwork, backend: HttpBackend
) -> None:
    await backend.login(IdentifierKind.NIR, KARIM, SecretStr("83051234"))
    network.refuse = 2
    step = await backend.current_step()
    assert step.next.step == "migration_intro"
    assert len(network.writes("/journey")) == 3


async def test_login_is_never_sent_twice(
    stub: RunningStub, network: BadNetwork, backend: HttpBackend
) -> None:
    """A login that may have reached the server is not repeated: it may count a failure."""
    network.lose_answers = 1
    with pytest.raises(BackendUnavailable):
        await backend.login(IdentifierKind.NIR, KARIM, SecretStr("00000000"))
    with pytest.raises(InvalidCredentials):
        await backend.login(IdentifierKind.NIR, KARIM, SecretStr("00000000"))
    tries = network.writes("/auth/login")
    assert len(tries) == 2
    assert all(t.idempotency_key is None for t in tries)
    karim = stub.context.store.account_by_nir(KARIM)
    assert karim is not None and karim.failed_logins == 2


async def test_retries_stop_after_the_policy_and_say_so(
    network: BadNetwork, backend: HttpBackend
) -> None:
    await backend.login(IdentifierKind.NIR, KARIM, SecretStr("83051234"))
    network.refuse = 10
    with pytest.raises(BackendUnavailable) as raised:
        await backend.current_step()
    assert len(network.writes("/journey")) == FAST.attempts
    assert "injoignable" in raised.value.message
    assert "Réessayer" in raised.value.message


async def test_a_request_that_hangs_is_cut_at_the_attempt_timeout(stub: RunningStub) -> None:
    network = BadNetwork()
    policy = RetryPolicy(attempts=2, attempt_timeout=0.2, base_delay=0.01, max_delay=0.01)
    backend = backend_on(stub, network, policy)
    try:
        await backend.login(IdentifierKind.NIR, KARIM, SecretStr("83051234"))
        network.latency = 5.0  # far beyond the attempt timeout
        with pytest.raises(BackendUnavailable) as raised:
            await backend.current_step()
    finally:
        await backend.aclose()
    assert "trop de temps" in raised.value.message
    assert len(network.writes("/journey")) == 2


async def test_a_503_is_tried_again_but_a_refusal_is_not(stub: RunningStub) -> None:
    answers = iter([503, 503])
    calls: list[str] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        status = next(answers, None)
        if status is None:
            return httpx.Response(401, json={"error": {"code": "unauthenticated", "message": "x"}})
        return httpx.Response(status, text="busy")

    backend = HttpBackend(stub.url, transport=httpx.MockTransport(flaky), retry=FAST)
    try:
        from caf_tui.backend.errors import NotAuthenticated

        with pytest.raises(NotAuthenticated):
            await backend.current_step()
    finally:
        await backend.aclose()
    assert len(calls) == 3  # 503, 503, then the refusal, which is not tried again


def test_backoff_grows_is_capped_and_jittered() -> None:
    policy = RetryPolicy(attempts=6, base_delay=0.25, max_delay=2.0)
    rng = random.Random(7)
    samples = [list(policy.delays(rng)) for _ in range(200)]
    assert all(len(s) == 5 for s in samples)
    for n, bound in enumerate([0.25, 0.5, 1.0, 2.0, 2.0]):
        column = [s[n] for s in samples]
        assert all(0 <= d <= bound for d in column)
        assert max(column) > 0.8 * bound  # spread over the whole range: full jitter
        assert len(set(column)) == len(column)
