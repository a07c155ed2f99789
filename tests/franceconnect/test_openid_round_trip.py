"""The whole OpenID round trip over real HTTP: the test is the browser, the stub is both the
portal (relying party) and FranceConnect (provider)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from caf_stub import RunningStub

from .browser import API, Browser, callback_params, poll, start, with_params


@pytest.fixture
def api(stub: RunningStub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stub.url, timeout=10, verify=False) as client:
        client.put("/_stub/franceconnect/fault", json={"fault": None}).raise_for_status()
        yield client


@pytest.fixture
def browser(stub: RunningStub) -> Iterator[Browser]:
    opened = Browser(stub)
    yield opened
    opened.close()


def consented(api: httpx.Client, browser: Browser) -> tuple[dict[str, Any], httpx.Response]:
    """A flow started and Angela's consent given: the flow, and the provider's redirect back
    to the portal (not yet followed)."""
    flow = start(api)
    return flow, browser.decide(browser.sign_in_to_consent(flow["authorize_url"]), "accept")


def test_angela_signs_in_through_the_browser(api: httpx.Client, browser: Browser) -> None:
    flow = start(api)
    assert poll(api, flow["flow_id"]).json()["status"] == "pending"
    consent = browser.sign_in_to_consent(flow["browser_url"])
    assert "Continuer sur le portail des Allocations Familiales" in consent.text
    assert "DUBOIS" in consent.text
    back = browser.open(browser.decide(consent, "accept").headers["location"])
    assert back.status_code == 200
    assert "Connexion réussie" in back.text

    done = poll(api, flow["flow_id"])
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["status"] == "completed"
    assert body["next"]["step"] == "migration_intro"
    token = body["session"]["token"]
    journey = api.get(API + "/journey", headers={"Authorization": f"Bearer {token}"})
    assert journey.json()["next"]["step"] == "migration_intro"
    # collected once: the flow is gone
    assert poll(api, flow["flow_id"]).status_code == 404


def _refused(api: httpx.Client, flow_id: str, code: str, words: str) -> None:
    answer = poll(api, flow_id)
    assert answer.status_code in (401, 410), answer.text
    error = answer.json()["error"]
    assert error["code"] == code
    assert words in error["message"]
    assert "session" not in answer.json()


def test_refused_consent_fails_in_french(api: httpx.Client, browser: Browser) -> None:
    flow = start(api)
    consent = browser.sign_in_to_consent(flow["authorize_url"])
    back = browser.open(browser.decide(consent, "refuse").headers["location"])
    assert back.status_code == 400
    assert "annulé la connexion" in back.text
    _refused(api, flow["flow_id"], "franceconnect_failed", "annulé la connexion")


def test_an_identity_with_no_caf_account(api: httpx.Client, browser: Browser) -> None:
    flow = start(api)
    consent = browser.sign_in_to_consent(flow["authorize_url"], login="inconnu")
    assert "MARTIN" in consent.text
    browser.open(browser.decide(consent, "accept").headers["location"])
    _refused(api, flow["flow_id"], "franceconnect_no_match", "Aucun compte Caf")


def test_a_wrong_password_stays_on_the_provider_form(browser: Browser, api: httpx.Client) -> None:
    flow = start(api)
    answer = browser.sign_in_to_consent(flow["authorize_url"], password="456")
    assert answer.status_code == 401
    assert "Identifiant ou mot de passe incorrect" in answer.text
    assert poll(api, flow["flow_id"]).json()["status"] == "pending"


def test_a_tampered_state_opens_nothing(api: httpx.Client, browser: Browser) -> None:
    flow, redirect = consented(api, browser)
    params = callback_params(redirect)
    tampered = with_params(redirect.headers["location"], state=params["state"][:-2] + "xx")
    back = browser.open(tampered)
    assert back.status_code == 400
    assert "inconnue ou déjà terminée" in back.text
    assert poll(api, flow["flow_id"]).json()["status"] == "pending"


def test_a_replayed_code_is_refused(api: httpx.Client, browser: Browser) -> None:
    first, redirect = consented(api, browser)
    browser.open(redirect.headers["location"])
    assert poll(api, first["flow_id"]).json()["status"] == "completed"
    # Same callback again: the state is spent.
    assert browser.open(redirect.headers["location"]).status_code == 400
    # The code of the first sign-in, brought back with the state of a second: the provider
    # refuses a code used once.
    second = start(api)
    browser.sign_in_to_consent(second["authorize_url"])
    state = parse_qs(urlsplit(second["authorize_url"]).query)["state"][0]
    replay = with_params(redirect.headers["location"], state=state)
    back = browser.open(replay)
    assert back.status_code == 400
    _refused(api, second["flow_id"], "franceconnect_failed", "déjà utilisée")


def test_the_provider_refuses_a_code_twice_and_after_30_seconds(
    api: httpx.Client, browser: Browser, stub: RunningStub
) -> None:
    flow, redirect = consented(api, browser)
    api.post("/_stub/clock", json={"advance_seconds": 31}).raise_for_status()
    browser.open(redirect.headers["location"])
    _refused(api, flow["flow_id"], "franceconnect_failed", "expirée")


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("foreign_key", "n'a pas pu être vérifiée"),
        ("wrong_nonce", "n'a pas pu être vérifiée"),
        ("wrong_audience", "n'a pas pu être vérifiée"),
        ("expired_id_token", "n'a pas pu être vérifiée"),
    ],
)
def test_an_id_token_that_fails_a_check(
    api: httpx.Client, browser: Browser, fault: str, words: str
) -> None:
    flow, redirect = consented(api, browser)
    api.put("/_stub/franceconnect/fault", json={"fault": fault}).raise_for_status()
    back = browser.open(redirect.headers["location"])
    assert back.status_code == 400
    _refused(api, flow["flow_id"], "franceconnect_failed", words)


def test_an_expired_flow(api: httpx.Client, browser: Browser) -> None:
    flow = start(api)
    api.post("/_stub/clock", json={"advance_seconds": 601}).raise_for_status()
    _refused(api, flow["flow_id"], "flow_expired", "délai")
    assert browser.open(flow["browser_url"]).status_code == 410


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"state": ""}, "state est obligatoire"),
        ({"nonce": "x" * 21}, "nonce est obligatoire"),
        ({"acr_values": "eidas2"}, "acr_values"),
        ({"redirect_uri": "http://evil.example/cb"}, "adresse de retour"),
        ({"client_id": "someone-else"}, "inconnu de FranceConnect"),
        ({"code_challenge_method": "plain"}, "PKCE"),
    ],
)
def test_authorize_checks_its_parameters(
    api: httpx.Client, browser: Browser, change: dict[str, str], words: str
) -> None:
    flow = start(api)
    answer = browser.open(with_params(flow["authorize_url"], **change))
    assert answer.status_code == 400
    assert words in answer.text


def test_logout_ends_the_provider_session(
    api: httpx.Client, browser: Browser, stub: RunningStub
) -> None:
    flow, redirect = consented(api, browser)
    browser.open(redirect.headers["location"])
    token = poll(api, flow["flow_id"]).json()["session"]["token"]
    fc = stub.app.state.franceconnect
    assert len(fc.provider_sessions) >= 1
    before = set(fc.provider_sessions)
    answer = api.post(API + "/auth/logout", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 204
    assert len(set(fc.provider_sessions) & before) == len(before) - 1


def test_discovery_and_keys(api: httpx.Client) -> None:
    config = api.get("/franceconnect/.well-known/openid-configuration").json()
    assert config["token_endpoint_auth_methods_supported"] == ["client_secret_post"]
    assert config["acr_values_supported"] == ["eidas1"]
    keys = api.get(config["jwks_uri"]).json()["keys"]
    assert keys[0]["kty"] == "EC" and keys[0]["crv"] == "P-256" and "d" not in keys[0]
    providers = api.get(
        "/franceconnect/interaction/unknown", headers={"Accept": "application/json"}
    )
    assert providers.status_code == 410


def test_no_code_or_token_is_logged_or_audited(
    api: httpx.Client, browser: Browser, stub: RunningStub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    flow, redirect = consented(api, browser)
    code = callback_params(redirect)["code"]
    browser.open(redirect.headers["location"])
    session_token = poll(api, flow["flow_id"]).json()["session"]["token"]
    secrets_seen = [code, session_token, flow["flow_id"]]
    ours = ("caf_stub", "caf_tui", "uvicorn", "fastapi")  # not the test's own HTTP client
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith(ours))
    assert "logged in with FranceConnect" in logged
    audited = repr(stub.context.store.audit_events())
    for secret in secrets_seen:
        assert secret not in logged
        assert secret not in audited
    assert ("login_franceconnect" in audited) and ("franceconnect_verified" in audited)


def test_the_app_waits_while_the_callback_checks_the_providers_answers(
    api: httpx.Client, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The callback claims the flow, then exchanges the code and checks the tokens (seconds on
    a loaded machine, the first sign-in importing joserfc). A poll meanwhile was answered « n'a
    pas pu être vérifiée » (the claim looked like a failure), and the counter in Chromium showed
    that error while Angela's sign-in went through."""
    from caf_stub.franceconnect import relying_party

    checking, release = threading.Event(), threading.Event()
    exchange = relying_party._exchange

    def slow_exchange(*args: Any, **kwargs: Any) -> Any:
        checking.set()
        assert release.wait(10)
        return exchange(*args, **kwargs)

    monkeypatch.setattr(relying_party, "_exchange", slow_exchange)
    flow, redirect = consented(api, browser)
    answers: list[httpx.Response] = []
    back = threading.Thread(
        target=lambda: answers.append(browser.open(redirect.headers["location"]))
    )
    back.start()
    try:
        assert checking.wait(10), "the callback never reached the exchange"
        meanwhile = poll(api, flow["flow_id"])
        assert meanwhile.status_code == 200, meanwhile.text
        assert meanwhile.json()["status"] == "pending"
    finally:
        release.set()
        back.join(15)
    assert answers and "Connexion réussie" in answers[0].text
    done = poll(api, flow["flow_id"])
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "completed"
