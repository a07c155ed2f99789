"""Issue 13, defect 1: nothing a request says about itself (its Host header) chooses where the
portal sends FranceConnect secrets, nor goes into a link the stub hands out.

Over real HTTP: the shared uvicorn stub on loopback, and an attacker's provider on another
loopback port that would vouch for Angela if it were ever asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from caf_stub import RunningStub
from tests.conftest import stub_client
from tests.franceconnect.fake_provider import FakeProvider

API = "/api/v1/auth/franceconnect"


@pytest.fixture
def fake() -> Iterator[FakeProvider]:
    provider = FakeProvider().start()
    yield provider
    provider.stop()


def _forged(fake: FakeProvider) -> dict[str, str]:
    return {"Host": urlsplit(fake.url).netloc}


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_a_forged_host_opens_no_session_and_reaches_no_other_provider(
    stub: RunningStub, fake: FakeProvider
) -> None:
    with stub_client(stub) as api:
        started = api.post(API, headers=_forged(fake))
        assert started.status_code == 200, started.text
        flow = started.json()
        authorize = _query(flow["authorize_url"])
        fake.nonce = authorize["nonce"]  # the attacker read it in the URL: the fake echoes it
        # The attacker brings the browser back to the portal's callback with a made-up code.
        back = api.get(
            API + "/callback",
            params={"state": authorize["state"], "code": "forged"},
            headers={**_forged(fake), "Accept": "application/json"},
        )
        polled = api.get(f"{API}/{flow['flow_id']}")
    assert "session" not in polled.json(), "a forged Host opened a session for Angela"
    assert fake.received == []  # no token exchange, no JWKS, no userinfo: no secret sent
    assert back.status_code == 400
    assert polled.status_code == 401, polled.text
    assert polled.json()["error"]["code"] == "franceconnect_failed"
    for link in (flow["authorize_url"], flow["browser_url"], authorize["redirect_uri"]):
        assert link.startswith(stub.url + "/"), link


def test_links_and_pages_never_carry_the_forged_host(stub: RunningStub, fake: FakeProvider) -> None:
    forged = urlsplit(fake.url).netloc
    headers = {**_forged(fake), "Accept": "application/json"}
    with stub_client(stub) as api:
        flow = api.post(API, headers=headers).json()
        short = api.get(urlsplit(flow["browser_url"]).path, headers=headers)
        assert short.status_code == 303
        assert short.headers["location"] == flow["authorize_url"]
        provider_page = api.get(short.headers["location"], headers=headers, follow_redirects=True)
        assert provider_page.status_code == 200
        discovery = api.get("/franceconnect/.well-known/openid-configuration", headers=headers)
        slash = api.get("/api/v1/journey/", headers=headers)  # Starlette would redirect to Host
    assert discovery.json()["issuer"] == stub.url + "/franceconnect"
    assert slash.status_code == 404 and "location" not in slash.headers
    for answer in (short, provider_page, discovery, slash):
        assert forged not in answer.text
        assert forged not in answer.headers.get("location", "")
    assert fake.received == []


def test_the_configured_issuer_is_the_only_provider_asked(
    stub_factory: Callable[..., RunningStub], fake: FakeProvider
) -> None:
    """CAF_STUB_FRANCECONNECT_ISSUER names the provider: its discovery document gives the
    endpoints; a document naming another issuer is refused (OpenID Discovery §4.3)."""
    trusting = stub_factory(franceconnect_issuer=fake.issuer)
    with stub_client(trusting) as api:
        flow = api.post(API).json()
    assert flow["authorize_url"].startswith(fake.issuer + "/authorize?")
    assert [r.path for r in fake.received] == ["/franceconnect/.well-known/openid-configuration"]

    fake.discovery_issuer = "http://127.0.0.1:1/franceconnect"
    misled = stub_factory(franceconnect_issuer=fake.issuer)
    with stub_client(misled) as api:
        refused = api.post(API)
    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "service_unavailable"
    assert "injoignable" in refused.json()["error"]["message"]


def test_an_id_token_from_another_issuer_is_refused(
    stub_factory: Callable[..., RunningStub], fake: FakeProvider
) -> None:
    """The provider configured, but its ID token names another issuer: no session."""
    trusting = stub_factory(franceconnect_issuer=fake.issuer)
    with stub_client(trusting) as api:
        flow = api.post(API).json()
        authorize = _query(flow["authorize_url"])
        fake.nonce = authorize["nonce"]
        fake.token_issuer = "http://127.0.0.1:1/franceconnect"
        api.get(API + "/callback", params={"state": authorize["state"], "code": "x"})
        polled = api.get(f"{API}/{flow['flow_id']}")
    assert polled.status_code == 401
    assert "n'a pas pu être vérifiée" in polled.json()["error"]["message"]
    assert any(r.path.endswith("/token") for r in fake.received)


def test_a_stub_without_public_url_offers_no_franceconnect() -> None:
    """An app made without a public URL (no server bound yet) says so in French, never
    guessing its address from the request."""
    import asyncio

    from caf_stub.app import create_app
    from caf_stub.testing import settings_for_tests

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(settings_for_tests()))
        async with httpx.AsyncClient(transport=transport, base_url="http://evil.example") as c:
            return await c.post(API)

    answer = asyncio.run(post())
    assert answer.status_code == 503
    assert "CAF_STUB_PUBLIC_URL" in answer.json()["error"]["message"]
