"""The FranceConnect sign-in of the Backend protocol, and its HTTP implementation.

Every method may raise ``BackendUnavailable`` and ``ServerError`` on top of those it names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Protocol, TypeVar

from pydantic import BaseModel, Discriminator, TypeAdapter, ValidationError

from caf_tui.api import (
    API_PREFIX,
    AuthResponse,
    ErrorCode,
    ErrorDetail,
    FranceConnectCompleted,
    FranceConnectPending,
    FranceConnectStart,
)
from caf_tui.backend.errors import ServerError
from caf_tui.i18n import _

if TYPE_CHECKING:
    import httpx

M = TypeVar("M", bound=BaseModel)

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


class FranceConnectHttpMixin:
    """``FranceConnectBackend`` over HTTP, mixed into ``HttpBackend``."""

    if TYPE_CHECKING:
        _token: str | None

        async def _call(
            self, method: str, path: str, model: type[M], body: BaseModel | None = None
        ) -> M: ...

        async def _request(
            self, method: str, path: str, body: BaseModel | None = None, params: None = None
        ) -> httpx.Response: ...

    async def start_franceconnect(self) -> FranceConnectStart:
        return await self._call("POST", "/auth/franceconnect", FranceConnectStart)

    async def poll_franceconnect(self, flow_id: str) -> FranceConnectPending | AuthResponse:
        response = await self._request("GET", f"{API_PREFIX}/auth/franceconnect/{flow_id}")
        try:
            answer = _POLL.validate_json(response.content)
        except ValidationError as exc:
            raise ServerError(
                ErrorDetail(
                    code=ErrorCode.INTERNAL_ERROR,
                    message=_("Le service a envoyé une réponse incompréhensible. Réessayez."),
                )
            ) from exc
        if isinstance(answer, FranceConnectCompleted):
            self._token = answer.session.token
        return answer
