"""Issue 13, defect 9 (the stub's part): no answer is kept by a cache (a session token, a code
or personal data would stay on a shared kiosk's disk), and ``OPTIONS`` and ``405`` name every
method a path has. Over real HTTP against uvicorn on loopback."""

from __future__ import annotations

from typing import cast

import httpx

from caf_stub import RunningStub
from caf_stub.personas import KARIM
from caf_stub.testing import CODE
from tests.conftest import stub_client
from tests.franceconnect.browser import Browser

API = "/api/v1"


def _no_store(answer: httpx.Response) -> None:
    assert answer.headers.get("cache-control") == "no-store", (
        answer.request.method,
        answer.request.url.path,
        answer.status_code,
    )


def test_every_answer_carrying_a_session_or_a_secret_is_not_stored(stub: RunningStub) -> None:
    karim = {"identifier_kind": "nir", "identifier": KARIM.nir, "password": KARIM.password}
    browser = Browser(cast(RunningStub, None))
    with stub_client(stub) as api:
        login = api.post(API + "/auth/login", json=karim)
        assert "token" in login.json()["session"]
        _no_store(login)
        bearer = {"Authorization": f"Bearer {login.json()['session']['token']}"}
        _no_store(api.get(API + "/journey", headers=bearer))
        _no_store(api.post(API + "/auth/login", json=karim | {"password": "Wrong12345"}))
        # FranceConnect: the answer the app collects holds a session.
        flow = api.post(API + "/auth/franceconnect")
        _no_store(flow)
        consent = browser.sign_in_to_consent(flow.json()["authorize_url"])
        browser.open(browser.decide(consent, "accept").headers["location"])
        collected = api.get(f"{API}/auth/franceconnect/{flow.json()['flow_id']}")
        assert "token" in collected.json()["session"]
        _no_store(collected)
        # Recovery: every answer holds the flow token.
        started = api.post(
            API + "/recovery", json={"identifier_kind": "nir", "identifier": KARIM.nir}
        )
        _no_store(started)
        token = started.json().get("flow_token", "")
        _no_store(api.post(API + "/recovery/code", json={"flow_token": token, "code": CODE}))
        new = {"flow_token": token, "password": "Nouveau2026", "confirmation": "Nouveau2026"}
        _no_store(api.post(API + "/recovery/password", json=new))
        _no_store(api.post(API + "/signup", json={}))
        _no_store(api.get("/_stub/outbox"))  # the QA outbox holds codes
    browser.close()


def test_options_names_every_method_of_the_path(stub: RunningStub) -> None:
    with stub_client(stub) as api:
        document = api.get("/openapi.json").json()
        for path, operations in document["paths"].items():
            concrete = path.replace("{flow_id}", "some-flow")
            answer = api.options(concrete)
            assert answer.status_code == 204, (path, answer.status_code)
            allowed = {m.strip().lower() for m in answer.headers["allow"].split(",")}
            assert set(operations) <= allowed, (path, answer.headers["allow"])
        authorisations = api.options(API + "/account/authorisations").headers["allow"]
        refused = api.delete(API + "/account/authorisations")
    assert {"GET", "PUT"} <= set(authorisations.replace(" ", "").split(","))
    assert refused.status_code == 405
    assert set(refused.headers["allow"].replace(" ", "").split(",")) >= {"GET", "PUT"}
    assert refused.json()["error"]["code"] == "method_not_allowed"


def test_options_on_no_route_is_the_usual_404(stub: RunningStub) -> None:
    with stub_client(stub) as api:
        answer = api.options(API + "/nowhere")
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"
