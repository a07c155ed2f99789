"""A test acting as the person's browser against the stub's FranceConnect, over real HTTP."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx

from caf_stub import RunningStub

API = "/api/v1"


class Browser:
    """Follows links and posts forms as a browser would (HTML pages, cookies none needed)."""

    def __init__(self, stub: RunningStub) -> None:
        self.stub = stub
        self.http = httpx.Client(timeout=10, verify=False, headers={"Accept": "text/html"})

    def close(self) -> None:
        self.http.close()

    def open(self, url: str) -> httpx.Response:
        return self.http.get(url, follow_redirects=True)

    def sign_in_to_consent(
        self, url: str, login: str = "test", password: str = "123"
    ) -> httpx.Response:
        """From the authorize (or short) URL to the consent page, via the demo provider."""
        choice = self.open(url)
        assert choice.status_code == 200, choice.text
        assert "Démonstration eIDAS faible" in choice.text
        form_page = self.open(str(choice.url) + "/idp/demo-eidas-faible")
        assert "ME CONNECTER" in form_page.text
        return self.http.post(
            str(form_page.url),
            data={"login": login, "password": password},
            follow_redirects=True,
        )

    def decide(self, consent_page: httpx.Response, decision: str) -> httpx.Response:
        """Post the consent decision without following: the redirect to the portal's callback."""
        answer = self.http.post(str(consent_page.url), data={"decision": decision})
        assert answer.status_code == 303, answer.text
        return answer


def callback_params(redirect: httpx.Response) -> dict[str, str]:
    query = parse_qs(urlsplit(redirect.headers["location"]).query)
    return {k: v[0] for k, v in query.items()}


def with_params(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()} | params
    return urlunsplit(parts._replace(query=urlencode(query)))


def start(api: httpx.Client) -> dict[str, Any]:
    answer = api.post(API + "/auth/franceconnect")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def poll(api: httpx.Client, flow_id: str) -> httpx.Response:
    return api.get(f"{API}/auth/franceconnect/{flow_id}")
