"""The interface every backend implements. Screens and the plain mode see only this.

A backend holds the person's session once ``login`` succeeds. Every method is a coroutine; every
method may raise ``BackendUnavailable`` (not reached, timed out) and ``ServerError`` on top of the
exceptions it names. Journey methods answer with the next step the server directs.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pydantic import SecretStr

from caf_tui.api import (
    AuthResponse,
    Channel,
    DashboardResponse,
    IdentifierKind,
    JourneyResponse,
    OutboxMessage,
    SpouseDecision,
)
from caf_tui.backend.account import AccountBackend
from caf_tui.backend.declarations import DeclarationsBackend
from caf_tui.backend.doors import DoorsBackend
from caf_tui.backend.franceconnect import FranceConnectBackend


@runtime_checkable
class Backend(AccountBackend, DeclarationsBackend, FranceConnectBackend, DoorsBackend, Protocol):
    """A portal the app can talk to: the stub over HTTP, or any implementation of the contract."""

    #: A short name shown to the person ("démo locale", the server's host…).
    label: str
    #: True when the backend can show the messages it "sent" (a stub): the demo outbox view.
    has_demo_outbox: bool

    async def login(
        self, kind: IdentifierKind, identifier: str, password: SecretStr
    ) -> AuthResponse:
        """Open a session and return it with the step the person owes.

        Raises:
            InvalidInput: the identifier is malformed (``field`` is "identifier").
            InvalidCredentials: unknown identifier or wrong password, indistinguishably.
            AccountLocked: too many failures; ``detail.locked_until`` says until when.
            Throttled: too many attempts from this client; ``detail.retry_after``.
        """
        ...

    async def logout(self) -> None:
        """End the session on the server, then forget it. Never raises for an ended session."""
        ...

    async def current_step(self) -> JourneyResponse:
        """The step the person owes now (used to resume after a refusal or a reconnect).

        Raises:
            NotAuthenticated: no session, or it ended.
        """
        ...

    async def start_migration(self) -> JourneyResponse:
        """« Commencer » on the intro. Raises NotAuthenticated, StepMismatch."""
        ...

    async def accept_terms(self, version: str) -> JourneyResponse:
        """Accept the terms of ``version``. Raises NotAuthenticated, StepMismatch, InvalidInput
        (code terms_not_accepted when the version is not the current one)."""
        ...

    async def choose_password(
        self, password: SecretStr, confirmation: SecretStr
    ) -> JourneyResponse:
        """Set the new password. Raises NotAuthenticated, StepMismatch, InvalidInput (codes
        password_policy with ``failed_rules``, password_mismatch)."""
        ...

    async def update_contact(self, phone: str | None, email: str | None) -> JourneyResponse:
        """Correct the contact details on file. Raises NotAuthenticated, StepMismatch,
        InvalidInput (codes invalid_phone, invalid_email; ``field`` says which)."""
        ...

    async def confirm_contact(self, channel: Channel) -> JourneyResponse:
        """Send a code by ``channel``. Raises NotAuthenticated, StepMismatch, InvalidInput
        (channel_unavailable), CodeRejected (otp_send_limit)."""
        ...

    async def verify_code(self, code: SecretStr) -> JourneyResponse:
        """Check the code. Raises NotAuthenticated, StepMismatch, CodeRejected (otp_invalid with
        ``attempts_left``, otp_expired, otp_attempts_exceeded)."""
        ...

    async def resend_code(self) -> JourneyResponse:
        """« Demander » a new code; the old one stops working. Raises NotAuthenticated,
        StepMismatch, CodeRejected (otp_resend_too_soon, otp_send_limit with ``retry_after``)."""
        ...

    async def change_contact(self) -> JourneyResponse:
        """From the code entry, go back to the contact details (the pending code is cancelled).
        Raises NotAuthenticated, StepMismatch."""
        ...

    async def acknowledge_account_created(self) -> JourneyResponse:
        """Leave the confirmation screen. Raises NotAuthenticated, StepMismatch."""
        ...

    async def decide_spouse_authorisation(self, decision: SpouseDecision) -> JourneyResponse:
        """Authorise the spouse, refuse, or skip. Raises NotAuthenticated, StepMismatch,
        Forbidden (not a file holder with a spouse)."""
        ...

    async def dashboard(self) -> DashboardResponse:
        """The « Mon Compte » home. Raises NotAuthenticated, StepMismatch (journey unfinished)."""
        ...

    async def demo_outbox(self) -> list[OutboxMessage]:
        """Messages the stub "sent" to this person (newest first). Raises NotAvailable when the
        backend is not a stub."""
        ...

    def warm_up(self) -> None:
        """The first screen is painted: start what is slow to start. Never blocks; a backend
        that needs nothing does nothing (the first request must work without it)."""
        ...

    async def aclose(self) -> None:
        """Release connections. The backend is unusable afterwards."""
        ...
