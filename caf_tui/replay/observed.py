"""The HTTP client as the replayer uses it: it notes each request it makes and each refusal it
gets, so that a flow can expect an error code and a failure can list the last requests."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import BaseModel

from caf_tui.backend.errors import BackendError, NotAuthenticated
from caf_tui.backend.http import HttpBackend


@dataclass(frozen=True)
class SentRequest:
    """One request as the client saw it (no body: it may hold a secret)."""

    method: str
    path: str
    status: int | None
    duration_ms: float
    error: str | None = None


class ObservedBackend(HttpBackend):
    """``HttpBackend`` keeping a list of its requests and of the errors the server answered."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.sent: list[SentRequest] = []
        self.errors: list[BackendError] = []
        #: The step the server directed last ("login" before a login and after a logout).
        self.step = "login"

    async def _request(
        self,
        method: str,
        path: str,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
    ) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = await super()._request(method, path, body, params)
        except BackendError as error:
            self.errors.append(error)
            if isinstance(error, NotAuthenticated):
                self.step = "login"
            self._note(method, path, started, None, str(error.code))
            raise
        self._note(method, path, started, response.status_code, None)
        self._follow(path, response)
        return response

    def _follow(self, path: str, response: httpx.Response) -> None:
        if path.endswith(("/auth/logout", "/account/logout_everywhere")):
            self.step = "login"
            return
        if "json" not in response.headers.get("content-type", ""):
            return
        try:
            data = response.json()
        except ValueError:
            return
        nxt = data.get("next") if isinstance(data, dict) else None
        if isinstance(nxt, dict) and isinstance(nxt.get("step"), str):
            self.step = nxt["step"]

    def _note(
        self, method: str, path: str, started: float, status: int | None, error: str | None
    ) -> None:
        duration = round((time.perf_counter() - started) * 1000, 1)
        self.sent.append(SentRequest(method, path, status, duration, error))
