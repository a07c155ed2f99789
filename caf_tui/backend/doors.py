"""The ways in before any session, in the Backend protocol and over HTTP: « Mot de passe
oublié ? » and « Créer Mon Compte ».

For a forgotten password the backend keeps the flow token the start returned, as it keeps a
session token, and sends it with each next call; « Créer Mon Compte » opens a session. Every
method may raise ``BackendUnavailable`` and ``ServerError`` on top of those it names; each
answers with the step the server directs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from pydantic import BaseModel, SecretStr

from caf_tui.api import AuthResponse, IdentifierKind, JourneyResponse
from caf_tui.api.recovery import (
    RecoveryCodeRequest,
    RecoveryFlowRequest,
    RecoveryPasswordRequest,
    RecoveryResponse,
    RecoveryStartRequest,
)
from caf_tui.api.signup import SignupRequest

M = TypeVar("M", bound=BaseModel)


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

    async def signup(self, request: SignupRequest) -> AuthResponse:
        """« Créer Mon Compte »: open a session for the person the file knows; the journey's
        steps follow. Raises InvalidInput (validation_error, invalid_identifier with ``field``;
        identity_no_match; account_exists; too_young with ``field`` "birth_date")."""
        ...


class DoorsHttpMixin:
    """``DoorsBackend`` over HTTP, mixed into ``HttpBackend``."""

    _recovery_flow: SecretStr | None = None

    if TYPE_CHECKING:
        _token: str | None

        async def _call(
            self, method: str, path: str, model: type[M], body: BaseModel | None = None
        ) -> M: ...

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

    async def signup(self, request: SignupRequest) -> AuthResponse:
        answer = await self._call("POST", "/signup", AuthResponse, request)
        self._token = answer.session.token
        return answer
