"""Helpers for the stub's HTTP tests: a person's session (``Portal``) and the error shape."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from caf_stub import RunningStub
from caf_stub.personas import Persona

API = "/api/v1"


class Portal:
    """One person's HTTP session against a stub (its own bearer token)."""

    def __init__(self, running: RunningStub) -> None:
        self.running = running
        self.http = httpx.Client(base_url=running.url, timeout=10, verify=False)  # plain HTTP
        self.token: str | None = None

    def close(self) -> None:
        self.http.close()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def request(self, method: str, path: str, json: Any = None) -> httpx.Response:
        return self.http.request(method, API + path, json=json, headers=self._headers())

    def get(self, path: str) -> httpx.Response:
        return self.request("GET", path)

    def post(self, path: str, json: Any = None) -> httpx.Response:
        return self.request("POST", path, json)

    def put(self, path: str, json: Any = None) -> httpx.Response:
        return self.request("PUT", path, json)

    def login(
        self, identifier: str, password: str, kind: str = "nir", *, expect: int | None = 200
    ) -> httpx.Response:
        response = self.http.post(
            API + "/auth/login",
            json={"identifier_kind": kind, "identifier": identifier, "password": password},
        )
        if expect is not None:
            assert response.status_code == expect, response.text
        if response.status_code == 200:
            self.token = response.json()["session"]["token"]
        return response

    def login_as(self, persona: Persona, password: str | None = None) -> dict[str, Any]:
        kind = "temporary" if persona.temporary_id else "nir"
        secret = password if password is not None else persona.password
        assert secret is not None
        body: dict[str, Any] = self.login(persona.identifier, secret, kind).json()
        return body

    def logout(self) -> httpx.Response:
        response = self.post("/auth/logout")
        return response

    def step(self) -> dict[str, Any]:
        response = self.get("/journey")
        assert response.status_code == 200, response.text
        step: dict[str, Any] = response.json()["next"]
        return step

    def ok(self, method: str, path: str, json: Any = None) -> dict[str, Any]:
        """The JSON of a call that must succeed."""
        response = self.request(method, path, json)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def outbox(self) -> list[dict[str, Any]]:
        response = self.http.get("/_stub/outbox", headers=self._headers())
        assert response.status_code == 200, response.text
        messages: list[dict[str, Any]] = response.json()
        return messages

    def advance(self, seconds: float) -> datetime:
        response = self.http.post("/_stub/clock", json={"advance_seconds": seconds})
        assert response.status_code == 200, response.text
        return datetime.fromisoformat(response.json()["now"])

    # --- journey shortcuts ------------------------------------------------------------------

    def start(self) -> dict[str, Any]:
        return self.ok("POST", "/journey/migration_intro/start")["next"]

    def accept_terms(self) -> dict[str, Any]:
        return self.ok("POST", "/journey/accept_terms", {"version": "2021-10", "accepted": True})[
            "next"
        ]

    def choose_password(self, password: str) -> dict[str, Any]:
        body = {"password": password, "confirmation": password}
        return self.ok("POST", "/journey/choose_password", body)["next"]

    def confirm(self, channel: str = "sms") -> dict[str, Any]:
        return self.ok("POST", "/journey/confirm_contact", {"channel": channel})["next"]

    def verify(self, code: str) -> httpx.Response:
        return self.post("/journey/verify_code", {"code": code})


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The ``error`` object of a refusal, checking the one shape on the way."""
    body = response.json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    assert {"code", "message", "field"} <= set(error), error
    assert error["message"], error
    assert response.headers.get("x-caf-stub") == "1"
    return error
