"""``HttpBackend``: the contract over HTTP, each part's calls on one ``HttpTransport``."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui.api import (
    API_PREFIX,
    AcceptTermsRequest,
    AuthResponse,
    Channel,
    ChoosePasswordRequest,
    ConfirmContactRequest,
    DashboardResponse,
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
from caf_tui.backend.errors import BackendUnavailable
from caf_tui.backend.franceconnect import FranceConnectHttpMixin


class HttpBackend(AccountHttpMixin, DeclarationsHttpMixin, FranceConnectHttpMixin, DoorsHttpMixin):
    """Talks to any server that speaks ``/api/v1``. One instance per person's session."""

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
