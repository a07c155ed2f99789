"""``HttpTransport``: one request, its answer and its errors over ``/api/v1``, written once for
the HTTP client and each of its parts (account, file rights, FranceConnect, the doors).

httpx (about a tenth of a second of imports) is imported when the client is first needed, at
the first request or ``warm_up``, not at start: the login paints without it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from caf_tui.api import API_PREFIX, ErrorBody, ErrorCode, ErrorDetail
from caf_tui.backend.errors import BackendUnavailable, ServerError, error_from_detail
from caf_tui.backend.retry import (
    DEFAULT_RETRY,
    IDEMPOTENCY_HEADER,
    NO_RETRY,
    RETRYABLE_STATUSES,
    RetryPolicy,
    current_key,
    may_retry,
)
from caf_tui.i18n import _

if TYPE_CHECKING:
    import httpx

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

#: Seconds: a whole request, and opening its connection.
DEFAULT_TIMEOUT_SECONDS = 15.0
DEFAULT_CONNECT_SECONDS = 5.0


class HttpTransport:
    """The session token, the shared ``httpx.AsyncClient``, and how a call is sent, tried again
    and read. One instance per person's session."""

    has_demo_outbox = False

    def __init__(
        self,
        base_url: str,
        *,
        timeout: httpx.Timeout | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        label: str | None = None,
        retry: RetryPolicy = DEFAULT_RETRY,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry
        self.label = label or urlsplit(self.base_url).hostname or self.base_url
        self._token: str | None = None
        self._timeout = timeout
        self._transport = transport

    @cached_property
    def _client(self) -> httpx.AsyncClient:
        import httpx

        return httpx.AsyncClient(
            timeout=self._timeout
            or httpx.Timeout(DEFAULT_TIMEOUT_SECONDS, connect=DEFAULT_CONNECT_SECONDS),
            # Building a TLS context costs ~40 ms at start; plain http never uses it.
            verify=not self.base_url.startswith("http://"),
            transport=self._transport,
            limits=httpx.Limits(max_keepalive_connections=4, keepalive_expiry=60),
            headers={"Accept": "application/json"},
        )

    async def _url(self, path: str) -> str:
        """Overridden by the embedded backend, whose address is known only once it started."""
        return self.base_url + path

    @property
    def has_session(self) -> bool:
        return self._token is not None

    async def _request(
        self,
        method: str,
        path: str,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        content = body.model_dump_json().encode() if body is not None else None
        if content is not None:
            headers["Content-Type"] = "application/json"
        if self._token is not None and method != "GET":
            # The same key for every try of this action: the server acts once (see retry.py).
            headers[IDEMPOTENCY_HEADER] = current_key()
        response = await self._send(method, path, content, headers, params)
        if response.headers.get("x-caf-stub") == "1":
            self.has_demo_outbox = True
        if response.is_success:
            return response
        raise _error_for(response)

    async def _send(
        self,
        method: str,
        path: str,
        content: bytes | None,
        headers: dict[str, str],
        params: dict[str, Any] | None,
    ) -> httpx.Response:
        """Send, trying again after a transport failure or a 502/503/504 when that is safe."""
        policy = self.retry if may_retry(method, headers) else NO_RETRY
        delays = policy.delays()
        url = await self._url(path)
        import httpx  # loaded by the client already (see _client)

        while True:
            failure: Exception
            try:
                async with asyncio.timeout(policy.attempt_timeout):
                    response = await self._client.request(
                        method, url, content=content, headers=headers, params=params
                    )
            except (TimeoutError, httpx.TimeoutException) as exc:
                failure = _unavailable(_("Le service met trop de temps à répondre."))
                failure.__cause__ = exc
            except httpx.TransportError as exc:
                failure = _unavailable(_("Le service est injoignable."))
                failure.__cause__ = exc
            else:
                if response.status_code not in RETRYABLE_STATUSES:
                    return response
                failure = _error_for(response)
            delay = next(delays, None)
            if delay is None:
                raise failure
            await asyncio.sleep(delay)

    async def _call(
        self, method: str, path: str, model: type[M], body: BaseModel | None = None
    ) -> M:
        """Send ``body`` to ``path`` (below ``/api/v1``); the answer read as ``model``."""
        response = await self._request(method, API_PREFIX + path, body)
        return read_answer(model.model_validate_json, response)


def read_answer(read: Callable[[bytes], T], response: httpx.Response) -> T:
    """The answer's body as ``read`` (a model's or an adapter's ``…validate_json``) makes it; a
    body it cannot read is the server's fault."""
    try:
        return read(response.content)
    except ValidationError as exc:
        raise malformed(_("Le service a envoyé une réponse incompréhensible. Réessayez.")) from exc


def malformed(message: str) -> ServerError:
    """The server answered, but not what the contract says: ``message`` tells the person."""
    return ServerError(ErrorDetail(code=ErrorCode.INTERNAL_ERROR, message=message))


def _unavailable(message: str) -> BackendUnavailable:
    hint = _("Vérifiez votre connexion puis choisissez « Réessayer ».")
    return BackendUnavailable(
        ErrorDetail(code=ErrorCode.SERVICE_UNAVAILABLE, message=f"{message} {hint}")
    )


def _error_for(response: httpx.Response) -> Exception:
    try:
        detail = ErrorBody.model_validate_json(response.content).error
    except ValidationError:
        if response.status_code >= 500:
            return _unavailable(_("Le service rencontre un problème."))
        detail = ErrorDetail(
            code=ErrorCode.INTERNAL_ERROR,
            message=_("Le service a refusé la demande (erreur {status}).").format(
                status=response.status_code
            ),
        )
    return error_from_detail(detail)
