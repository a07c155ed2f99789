"""The « Mon Compte » sections of the Backend protocol, and their HTTP implementation.

Every method may raise ``BackendUnavailable``, ``ServerError``, ``NotAuthenticated`` (no session,
or it ended) and ``StepMismatch`` (the journey is not finished) on top of those it names.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import SecretStr

from caf_tui.api import Channel
from caf_tui.api.account import (
    AttestationsResponse,
    AuthorisationsResponse,
    ChangePasswordRequest,
    ConnectionsResponse,
    ContactChangeRequest,
    ContactChangeStarted,
    ContactCodeRequest,
    LogoutEverywhereResponse,
    PaymentsResponse,
    ProfileResponse,
    UpdateAuthorisationsRequest,
)
from caf_tui.backend.transport import HttpTransport


class AccountBackend(Protocol):
    async def profile(self) -> ProfileResponse:
        """« Mon profil », open to every role."""
        ...

    async def payments(self) -> PaymentsResponse:
        """« Mes droits et paiements ». Raises Forbidden (a member, a spouse not authorised)."""
        ...

    async def attestations(self) -> AttestationsResponse:
        """The attestations this role may download. Raises Forbidden."""
        ...

    async def authorisations(self) -> AuthorisationsResponse:
        """The spouse's rights. Raises Forbidden (not the file holder)."""
        ...

    async def set_spouse_authorised(self, authorised: bool) -> AuthorisationsResponse:
        """Grant or withdraw the spouse's rights. Raises Forbidden (not the file holder, or no
        spouse)."""
        ...

    async def change_password(
        self, current: SecretStr, password: SecretStr, confirmation: SecretStr
    ) -> LogoutEverywhereResponse:
        """Change the password; every other session ends. Raises InvalidCredentials (the
        current password is wrong, ``field`` "current_password"), InvalidInput (codes
        password_policy with ``failed_rules``, password_mismatch)."""
        ...

    async def connections(self) -> ConnectionsResponse:
        """The account's recent connections, newest first."""
        ...

    async def logout_everywhere(self) -> LogoutEverywhereResponse:
        """End every session of the account, this one included, then forget it."""
        ...

    async def start_contact_change(
        self, channel: Channel, value: str, current_password: SecretStr
    ) -> ContactChangeStarted:
        """Send a code to a new phone (``sms``) or e-mail, the current password first. Raises
        InvalidCredentials (wrong current password, ``field`` "current_password"), InvalidInput
        (invalid_phone, invalid_email, validation_error when unchanged; ``field`` says which),
        CodeRejected (otp_send_limit), AccountLocked, Throttled."""
        ...

    async def confirm_contact_change(self, code: SecretStr) -> ProfileResponse:
        """The code sent to the new contact: saved. Raises CodeRejected (otp_invalid with
        ``attempts_left``, otp_expired, otp_attempts_exceeded), StepMismatch (none pending)."""
        ...


class AccountHttpMixin(HttpTransport):
    """``AccountBackend`` over HTTP, mixed into ``HttpBackend``."""

    async def profile(self) -> ProfileResponse:
        return await self._call("GET", "/account/profile", ProfileResponse)

    async def payments(self) -> PaymentsResponse:
        return await self._call("GET", "/account/payments", PaymentsResponse)

    async def attestations(self) -> AttestationsResponse:
        return await self._call("GET", "/account/attestations", AttestationsResponse)

    async def authorisations(self) -> AuthorisationsResponse:
        return await self._call("GET", "/account/authorisations", AuthorisationsResponse)

    async def set_spouse_authorised(self, authorised: bool) -> AuthorisationsResponse:
        body = UpdateAuthorisationsRequest(spouse_authorised=authorised)
        return await self._call("PUT", "/account/authorisations", AuthorisationsResponse, body)

    async def change_password(
        self, current: SecretStr, password: SecretStr, confirmation: SecretStr
    ) -> LogoutEverywhereResponse:
        body = ChangePasswordRequest(
            current_password=current, password=password, confirmation=confirmation
        )
        return await self._call("POST", "/account/password", LogoutEverywhereResponse, body)

    async def connections(self) -> ConnectionsResponse:
        return await self._call("GET", "/account/connections", ConnectionsResponse)

    async def logout_everywhere(self) -> LogoutEverywhereResponse:
        answer = await self._call("POST", "/account/logout_everywhere", LogoutEverywhereResponse)
        self._token = None
        return answer

    async def start_contact_change(
        self, channel: Channel, value: str, current_password: SecretStr
    ) -> ContactChangeStarted:
        body = ContactChangeRequest(channel=channel, value=value, current_password=current_password)
        return await self._call("POST", "/account/contact", ContactChangeStarted, body)

    async def confirm_contact_change(self, code: SecretStr) -> ProfileResponse:
        body = ContactCodeRequest(code=code)
        return await self._call("POST", "/account/contact/verify", ProfileResponse, body)
