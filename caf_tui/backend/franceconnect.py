"""The FranceConnect sign-in of the Backend protocol, and its HTTP implementation.

Every method may raise ``BackendUnavailable`` and ``ServerError`` on top of those it names.
"""

from __future__ import annotations

from typing import Annotated, Protocol

from pydantic import Discriminator, TypeAdapter

from caf_tui.api import (
    API_PREFIX,
    AuthResponse,
    FranceConnectCompleted,
    FranceConnectPending,
    FranceConnectStart,
)
from caf_tui.backend.transport import HttpTransport, read_answer

_POLL = TypeAdapter(
    Annotated[FranceConnectPending | FranceConnectCompleted, Discriminator("status")]
)


class FranceConnectBackend(Protocol):
    async def start_franceconnect(self) -> FranceConnectStart:
        """Start a FranceConnect sign-in: the flow to poll, the URL for a browser, its end."""
        ...

    async def poll_franceconnect(self, flow_id: str) -> FranceConnectPending | AuthResponse:
        """Where the sign-in stands: still pending, or done, and then the session is open.

        Raises:
            FranceConnectRefused: refused, failed a check (codes franceconnect_failed), or the
                identity matches no CAF account (franceconnect_no_match).
            FlowExpired: not finished in time (flow_expired).
            NotAvailable: no such flow (already collected, or unknown).
        """
        ...


class FranceConnectHttpMixin(HttpTransport):
    """``FranceConnectBackend`` over HTTP, mixed into ``HttpBackend``."""

    async def start_franceconnect(self) -> FranceConnectStart:
        return await self._call("POST", "/auth/franceconnect", FranceConnectStart)

    async def poll_franceconnect(self, flow_id: str) -> FranceConnectPending | AuthResponse:
        response = await self._request("GET", f"{API_PREFIX}/auth/franceconnect/{flow_id}")
        answer = read_answer(_POLL.validate_json, response)
        if isinstance(answer, FranceConnectCompleted):
            self._token = answer.session.token
        return answer
