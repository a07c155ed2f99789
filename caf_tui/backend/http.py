"""``HttpBackend``: the contract over HTTP, with one shared ``httpx.AsyncClient``.

httpx (about a tenth of a second of imports) is imported when the client is first needed, at
the first request or ``warm_up``, not at start: the login paints without it.
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, SecretStr, ValidationError

from caf_tui.api import (
    API_PREFIX,
    AcceptTermsRequest,
    AuthResponse,
    Channel,
    ChoosePasswordRequest,
    ConfirmContactRequest,
    DashboardResponse,
    ErrorBody,
    ErrorCode,
    ErrorDetail,
    IdentifierKind,
    JourneyResponse,
    LoginRequest,
    OutboxMessage,
    SpouseAuthorisationRequest,
    SpouseDecision,
    UpdateContactRequest,
    VerifyCodeRequest,
)
from caf_tui.backend.account import AccountHttpMixin
from caf_tui.backend.declarations import DeclarationsHttpMixin
from caf_tui.backend.doors import DoorsHttpMixin
from caf_tui.backend.errors import BackendUnavailable, ServerError, error_from_detail
from caf_tui.backend.franceconnect import FranceConnectHttpMixin
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

#: Seconds: a whole request, and opening its connection.
DEFAULT_TIMEOUT_SECONDS = 15.0
DEFAULT_CONNECT_SECONDS = 5.0


class HttpBackend(AccountHttpMixin, DeclarationsHttpMixin, FranceConnectHttpMixin, DoorsHttpMixin):
    """Talks to any server that speaks ``/api/v1``. One instance per person's session."""

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
        response = await self._request(method, API_PREFIX + path, body)
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise ServerError(
                ErrorDetail(
                    code=ErrorCode.INTERNAL_ERROR,
                    message=_("Le service a envoyé une réponse incompréhensible. Réessayez."),
                )
            ) from exc

    async def login(
        self, kind: IdentifierKind, identifier: str, password: SecretStr
    ) -> AuthResponse:
        request = LoginRequest(identifier_kind=kind, identifier=identifier, password=password)
        answer = await self._call("POST", "/auth/login", AuthResponse, request)
        self._signup_flow = None  # a sign-up left at its code step is over
        self._token = answer.session.token
        return answer

    async def logout(self) -> None:
        if self._token is None:
            return
        try:
            await self._request("POST", API_PREFIX + "/auth/logout")
        except BackendUnavailable:
            raise
        except Exception:  # an already-ended session is logged out all the same
            pass
        finally:
            self._token = None

    async def current_step(self) -> JourneyResponse:
        return await self._call("GET", "/journey", JourneyResponse)

    async def start_migration(self) -> JourneyResponse:
        return await self._call("POST", "/journey/migration_intro/start", JourneyResponse)

    async def accept_terms(self, version: str) -> JourneyResponse:
        body = AcceptTermsRequest(version=version, accepted=True)
        return await self._call("POST", "/journey/accept_terms", JourneyResponse, body)

    async def choose_password(
        self, password: SecretStr, confirmation: SecretStr
    ) -> JourneyResponse:
        body = ChoosePasswordRequest(password=password, confirmation=confirmation)
        return await self._call("POST", "/journey/choose_password", JourneyResponse, body)

    async def update_contact(self, phone: str | None, email: str | None) -> JourneyResponse:
        body = UpdateContactRequest(phone=phone, email=email)
        return await self._call("PUT", "/journey/contact", JourneyResponse, body)

    async def confirm_contact(self, channel: Channel) -> JourneyResponse:
        body = ConfirmContactRequest(channel=channel)
        return await self._call("POST", "/journey/confirm_contact", JourneyResponse, body)

    async def verify_code(self, code: SecretStr) -> JourneyResponse:
        if self.signing_up:
            return await self.signup_verify_code(code)
        body = VerifyCodeRequest(code=code)
        return await self._call("POST", "/journey/verify_code", JourneyResponse, body)

    async def resend_code(self) -> JourneyResponse:
        if self.signing_up:
            return await self.signup_resend_code()
        return await self._call("POST", "/journey/verify_code/resend", JourneyResponse)

    async def change_contact(self) -> JourneyResponse:
        if self.signing_up:
            return await self.signup_cancel()
        return await self._call("POST", "/journey/verify_code/change_contact", JourneyResponse)

    async def acknowledge_account_created(self) -> JourneyResponse:
        return await self._call("POST", "/journey/account_created/continue", JourneyResponse)

    async def decide_spouse_authorisation(self, decision: SpouseDecision) -> JourneyResponse:
        body = SpouseAuthorisationRequest(decision=decision)
        return await self._call("POST", "/journey/spouse_authorisation", JourneyResponse, body)

    async def dashboard(self) -> DashboardResponse:
        return await self._call("GET", "/account/dashboard", DashboardResponse)

    async def demo_outbox(self) -> list[OutboxMessage]:
        response = await self._request("GET", "/_stub/outbox")
        return [OutboxMessage.model_validate(item) for item in response.json()]

    def warm_up(self) -> None:
        """After the first frame: build the client (connections open on the first request)."""
        self._client  # noqa: B018  (the cached property imports httpx once)

    async def aclose(self) -> None:
        if "_client" in self.__dict__:  # never built: nothing to close, no httpx to import
            await self._client.aclose()


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
