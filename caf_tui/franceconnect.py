"""FranceConnect in the terminal, against the stub's demo provider (UI-free).

The person does here what a browser would do: the list of identity providers, the provider's
form (identifiant, mot de passe, « ME CONNECTER »), the consent, then the way back to the
portal's callback. The demo provider answers JSON instead of HTML when asked; a real
FranceConnect does not, so this path is offered against the stub only. The session itself is
then collected by polling the flow (``Backend.poll_franceconnect``).
"""

from __future__ import annotations

from typing import TypeVar

import httpx
from pydantic import BaseModel, SecretStr, ValidationError

from caf_tui.api import (
    CallbackOutcome,
    ConsentPage,
    ErrorCode,
    ErrorDetail,
    ProviderForm,
    ProviderList,
    ProviderMessage,
)
from caf_tui.backend.errors import BackendError, BackendUnavailable
from caf_tui.i18n import N_, _

UNEXPECTED = N_("FranceConnect a répondu de façon inattendue. Recommencez.")

M = TypeVar("M", bound=BaseModel)


class ProviderRefusal(BackendError):
    """The provider refused (wrong password, request expired…); ``message`` says why in French,
    ``field`` names the form field concerned."""


def _refusal(message: str, field: str | None = None) -> ProviderRefusal:
    return ProviderRefusal(
        ErrorDetail(code=ErrorCode.FRANCECONNECT_FAILED, message=message, field=field)
    )


class TerminalSignIn:
    """One sign-in at the demo provider, started from ``authorize_url``."""

    def __init__(self, authorize_url: str, transport: httpx.AsyncBaseTransport | None = None):
        self.authorize_url = authorize_url
        self._here = self._origin = httpx.URL(authorize_url)
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(15.0, connect=5.0),
            verify=not authorize_url.startswith("http://"),
            transport=transport,
            follow_redirects=True,
            headers={"Accept": "application/json"},
            event_hooks={"request": [self._same_origin]},
        )
        self.providers: ProviderList | None = None
        self.form: ProviderForm | None = None
        self.consent: ConsentPage | None = None

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _same_origin(self, request: httpx.Request) -> None:
        """The person's provider password goes to the provider that was opened, nowhere else:
        a page or a redirect leading to another origin ends the sign-in."""
        url, origin = request.url, self._origin
        if (url.scheme, url.host, url.port) != (origin.scheme, origin.host, origin.port):
            raise _refusal(_(UNEXPECTED))

    async def _send(
        self, method: str, url: str, json: dict[str, str] | None = None
    ) -> httpx.Response:
        try:
            response = await self._client.request(method, self._here.join(url), json=json)
        except httpx.TransportError as exc:
            raise BackendUnavailable(
                ErrorDetail(
                    code=ErrorCode.SERVICE_UNAVAILABLE,
                    message=_("FranceConnect est injoignable. Réessayez."),
                )
            ) from exc
        self._here = response.url
        return response

    @staticmethod
    def _parse(response: httpx.Response, model: type[M]) -> M:
        if response.is_success:
            try:
                return model.model_validate_json(response.content)
            except ValidationError:
                pass
        try:
            refusal = ProviderMessage.model_validate_json(response.content)
        except ValidationError:
            refusal = ProviderMessage(message=_(UNEXPECTED))
        raise _refusal(refusal.message, refusal.field)

    async def list_providers(self) -> ProviderList:
        """« Je choisis un compte pour me connecter »."""
        self.providers = self._parse(await self._send("GET", self.authorize_url), ProviderList)
        return self.providers

    async def choose(self, provider_id: str) -> ProviderForm:
        assert self.providers is not None, "list_providers first"
        base = str(self._here.copy_with(query=None))
        response = await self._send("GET", f"{base}/idp/{provider_id}")
        self.form = self._parse(response, ProviderForm)
        return self.form

    async def sign_in(self, fields: dict[str, SecretStr]) -> ConsentPage:
        """« ME CONNECTER »: the provider's fields; ProviderRefusal when it says no."""
        assert self.form is not None, "choose a provider first"
        body = {name: value.get_secret_value() for name, value in fields.items()}
        response = await self._send("POST", self.form.action, body)
        self.consent = self._parse(response, ConsentPage)
        return self.consent

    async def decide(self, accept: bool) -> CallbackOutcome:
        """Accept (« Continuer sur le portail des Allocations Familiales ») or refuse; the
        provider sends us back to the portal, which says how it went."""
        assert self.consent is not None, "sign in first"
        decision = "accept" if accept else "refuse"
        response = await self._send("POST", self.consent.action, {"decision": decision})
        try:
            return CallbackOutcome.model_validate_json(response.content)
        except ValidationError as exc:
            raise _refusal(_("Le portail n'a pas compris la réponse de FranceConnect.")) from exc
