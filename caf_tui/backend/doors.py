"""The ways in before any session, in the Backend protocol and over HTTP: « Mot de passe
oublié ? » and « Créer Mon Compte ».

For a forgotten password the backend keeps the flow token the start returned, as it keeps a
session token, and sends it with each next call; « Créer Mon Compte » does the same until the
code sent to a contact on file comes back (the journey's ``verify_code`` step), which opens a
session. Every
method may raise ``BackendUnavailable`` and ``ServerError`` on top of those it names; each
answers with the step the server directs.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import SecretStr

from caf_tui.api import AuthResponse, IdentifierKind, JourneyResponse
from caf_tui.api.recovery import (
    RecoveryCodeRequest,
    RecoveryFlowRequest,
    RecoveryPasswordRequest,
    RecoveryResponse,
    RecoveryStartRequest,
)
from caf_tui.api.signup import (
    SignupCodeRequest,
    SignupFlowRequest,
    SignupRequest,
    SignupResponse,
)
from caf_tui.backend.transport import HttpTransport


class DoorsBackend(Protocol):
    async def start_recovery(self, kind: IdentifierKind, identifier: str) -> JourneyResponse:
        """Ask for a new password. The same answer whether the identifier exists or not.
        Raises InvalidInput (malformed identifier, ``field`` "identifier")."""
        ...

    async def recovery_verify_code(self, code: SecretStr) -> JourneyResponse:
        """Check the code sent to the contact on file. Raises CodeRejected (otp_invalid with
        ``attempts_left``, otp_expired, otp_attempts_exceeded), FlowExpired."""
        ...

    async def recovery_set_password(
        self, password: SecretStr, confirmation: SecretStr
    ) -> JourneyResponse:
        """Set the new password; every session of the account ends. Raises InvalidInput
        (password_policy, password_mismatch), StepMismatch (code not checked), FlowExpired."""
        ...

    async def recovery_resend_legacy(self) -> JourneyResponse:
        """« Le renvoi de votre mot de passe à 8 chiffres ». Raises Forbidden (the account no
        longer has one), StepMismatch, FlowExpired."""
        ...

    async def signup(self, request: SignupRequest) -> JourneyResponse:
        """« Créer Mon Compte »: the file knows the person; a code goes to a contact on file
        (next: ``verify_code``, whose code and « Demander » then go to the sign-up until a
        session opens). Raises InvalidInput (validation_error, invalid_identifier with
        ``field``; identity_no_match; account_exists; too_young with ``field`` "birth_date";
        channel_unavailable), TooManyAttempts."""
        ...


class DoorsHttpMixin(HttpTransport):
    """``DoorsBackend`` over HTTP, mixed into ``HttpBackend``."""

    _recovery_flow: SecretStr | None = None
    _signup_flow: SecretStr | None = None

    def _flow(self) -> SecretStr:
        return self._recovery_flow or SecretStr("")

    async def start_recovery(self, kind: IdentifierKind, identifier: str) -> JourneyResponse:
        body = RecoveryStartRequest(identifier_kind=kind, identifier=identifier)
        answer = await self._call("POST", "/recovery", RecoveryResponse, body)
        self._recovery_flow = SecretStr(answer.flow_token)
        return answer

    async def recovery_verify_code(self, code: SecretStr) -> JourneyResponse:
        body = RecoveryCodeRequest(flow_token=self._flow(), code=code)
        return await self._call("POST", "/recovery/code", RecoveryResponse, body)

    async def recovery_set_password(
        self, password: SecretStr, confirmation: SecretStr
    ) -> JourneyResponse:
        body = RecoveryPasswordRequest(
            flow_token=self._flow(), password=password, confirmation=confirmation
        )
        answer = await self._call("POST", "/recovery/password", RecoveryResponse, body)
        self._recovery_flow = None
        return answer

    async def recovery_resend_legacy(self) -> JourneyResponse:
        body = RecoveryFlowRequest(flow_token=self._flow())
        answer = await self._call("POST", "/recovery/legacy_resend", RecoveryResponse, body)
        self._recovery_flow = None
        return answer

    async def signup(self, request: SignupRequest) -> JourneyResponse:
        answer = await self._call("POST", "/signup", SignupResponse, request)
        self._signup_flow = SecretStr(answer.flow_token)
        return answer

    @property
    def signing_up(self) -> bool:
        """A sign-up waits for its code: the code step's calls go to the sign-up."""
        return self._signup_flow is not None

    async def signup_verify_code(self, code: SecretStr) -> JourneyResponse:
        body = SignupCodeRequest(flow_token=self._signup_flow or SecretStr(""), code=code)
        answer = await self._call("POST", "/signup/code", AuthResponse, body)
        self._signup_flow = None
        self._token = answer.session.token
        return answer

    async def signup_cancel(self) -> JourneyResponse:
        body = SignupFlowRequest(flow_token=self._signup_flow or SecretStr(""))
        self._signup_flow = None
        return await self._call("POST", "/signup/cancel", JourneyResponse, body)

    async def signup_resend_code(self) -> JourneyResponse:
        body = SignupFlowRequest(flow_token=self._signup_flow or SecretStr(""))
        return await self._call("POST", "/signup/code/resend", SignupResponse, body)
