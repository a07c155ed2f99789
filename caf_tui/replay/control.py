"""The stub's QA handles (``/_stub``) as the replayer calls them, over HTTP."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from caf_tui.api import Channel


class ControlUnavailable(Exception):
    """The server has no ``/_stub`` routes (not a stub, or not on the loopback)."""


class StubControl:
    """A small synchronous client of ``/_stub`` (called between steps, never while the app
    waits on the server)."""

    def __init__(
        self,
        base_url: str,
        *,
        recipients: Mapping[Channel, str | None] | None = None,
        consumer: str | None = None,
    ) -> None:
        self._client = httpx.Client(base_url=base_url.rstrip("/"), timeout=70, verify=False)
        self.recipients = dict(recipients or {})
        """Where this flow's codes go, per channel: on a shared stub it reads only those."""
        self.consumer = consumer
        """Its own place in the outbox (``/_stub/outbox/next?consumer=``), on a shared stub."""

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, "/_stub" + path, **kwargs)
        except httpx.TransportError as exc:
            raise ControlUnavailable(f"le serveur ne répond pas ({exc})") from exc
        if response.status_code == 404 and not response.headers.get("x-caf-stub"):
            raise ControlUnavailable("ce serveur n'a pas d'API de contrôle /_stub")
        if response.is_error:
            try:
                message = response.json()["error"]["message"]
            except (ValueError, KeyError, TypeError):
                message = response.text[:200]
            raise ControlUnavailable(f"/_stub{path} : {response.status_code} {message}")
        return response

    def available(self) -> bool:
        try:
            self._call("GET", "/health")
        except ControlUnavailable:
            return False
        return True

    def reset(self) -> None:
        self._call("POST", "/reset")
        self._call("DELETE", "/faults")
        self._call("DELETE", "/journal")

    def restart(self, now: str) -> None:
        """As a stub just started for one flow: the clock frozen at ``now``, random codes,
        the personas reseeded, no fault, an empty journal and outbox."""
        self._call("PUT", "/clock", json={"now": now, "frozen": True})
        self._call("PUT", "/fixed-code", json={"code": None})
        self._call("POST", "/reset")

    def copy_persona(self, persona: str) -> list[dict[str, Any]]:
        """A fresh copy of ``persona``'s household (``POST /_stub/personas``): its members."""
        answer = self._call("POST", "/personas", json={"from": persona}).json()
        members: list[dict[str, Any]] = answer["members"]
        return members

    def advance_clock(self, seconds: float) -> None:
        self._call("POST", "/clock", json={"advance_seconds": seconds})

    def next_code(self, channel: Channel, timeout: float) -> str:
        params: dict[str, str | float] = {"channel": channel.value, "timeout": timeout}
        recipient = self.recipients.get(channel)
        if recipient is not None:
            params["to"] = recipient
        if self.consumer is not None:
            params["consumer"] = self.consumer
        answer = self._call("GET", "/outbox/next", params=params).json()
        code = answer.get("code")
        if not code:
            raise ControlUnavailable("le dernier message ne contient pas de code")
        return str(code)

    def add_fault(self, rule: dict[str, Any]) -> None:
        self._call("POST", "/faults", json=rule)

    def journal(self, limit: int = 15) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self._call(
            "GET", "/journal", params={"limit": limit}
        ).json()
        return entries
