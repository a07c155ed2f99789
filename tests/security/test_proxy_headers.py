"""Issue 13, defect 6a: what a request says about its own address (X-Forwarded-For) does not
make it another client, unless the stub was told to trust a proxy (``forwarded_allow_ips``,
``caf-stub --forwarded-allow-ips``). Over real HTTP against uvicorn on loopback."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from caf_stub import RunningStub
from caf_tui import rules
from tests.conftest import stub_client

UNKNOWN = rules.normalise_nir("1990599999099")  # well formed, nobody has it
TRIES = 25


def _fail_from_many_addresses(running: RunningStub) -> list[httpx.Response]:
    with stub_client(running) as client:
        return [
            client.post(
                "/api/v1/auth/login",
                json={"identifier_kind": "nir", "identifier": UNKNOWN, "password": "Wrong12345"},
                headers={"X-Forwarded-For": f"198.51.100.{n + 1}"},
            )
            for n in range(TRIES)
        ]


def test_forged_forwarded_for_addresses_are_one_client(stub: RunningStub) -> None:
    answers = _fail_from_many_addresses(stub)
    limit = stub.settings.client_max_failures
    assert [a.status_code for a in answers[:limit]].count(429) == 0
    throttled = answers[limit:]
    assert [a.status_code for a in throttled] == [429] * (TRIES - limit), [
        a.status_code for a in answers
    ]
    assert {a.json()["error"]["code"] for a in throttled} == {"too_many_attempts"}


def test_a_configured_proxy_is_believed(stub_factory: Callable[..., RunningStub]) -> None:
    """Behind a proxy on 127.0.0.1, each forwarded address is its own client."""
    behind_proxy = stub_factory(forwarded_allow_ips="127.0.0.1")
    answers = _fail_from_many_addresses(behind_proxy)
    assert 429 not in [a.status_code for a in answers]


def test_the_command_line_flag_sets_the_trusted_proxies() -> None:
    from caf_stub.__main__ import parse_args, settings_from

    assert settings_from(parse_args([])).forwarded_allow_ips is None
    flagged = settings_from(parse_args(["--forwarded-allow-ips", "10.0.0.1,10.0.0.2"]))
    assert flagged.forwarded_allow_ips == "10.0.0.1,10.0.0.2"
