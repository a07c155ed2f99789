"""Where FranceConnect lives and where the portal is reached: configuration fixed at start.

Nothing here comes from a request. The portal's public address (``StubSettings.public_url``)
gives every link the stub hands out (redirect URI, QR link, post-logout page); the provider the
portal trusts is the configured issuer (``StubSettings.franceconnect_issuer``, by default the
stub's own demo provider), whose endpoints are read from its discovery document, checked to
name that very issuer (OpenID Connect Discovery 1.0, §4.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from fastapi import Request

from caf_stub.context import get_context
from caf_stub.errors import ApiError
from caf_stub.franceconnect.metadata import ProviderMetadata
from caf_stub.franceconnect.state import CALLBACK_PATH, POST_LOGOUT_PATH, PROVIDER_PATH
from caf_stub.settings import StubSettings
from caf_tui.api import ErrorCode

DISCOVERY_PATH = "/.well-known/openid-configuration"
NOT_CONFIGURED = (
    "FranceConnect n'est pas disponible sur ce service : son adresse publique n'est pas "
    "configurée (CAF_STUB_PUBLIC_URL)."
)
UNREACHABLE = "FranceConnect est injoignable pour le moment : réessayez dans quelques minutes."


@dataclass(frozen=True)
class Portal:
    """The stub's own addresses, from its public URL."""

    public_url: str
    trusted_issuer: str
    """The provider the relying party talks to (configured, or the demo provider)."""

    @property
    def own_issuer(self) -> str:
        """What the stub's demo provider calls itself."""
        return self.public_url + PROVIDER_PATH

    @property
    def redirect_uri(self) -> str:
        return self.public_url + CALLBACK_PATH

    @property
    def post_logout_uri(self) -> str:
        return self.public_url + POST_LOGOUT_PATH

    def link(self, path: str) -> str:
        return self.public_url + path


def portal_of_settings(settings: StubSettings) -> Portal | None:
    if settings.public_url is None:
        return None
    issuer = settings.franceconnect_issuer or settings.public_url + PROVIDER_PATH
    return Portal(public_url=settings.public_url, trusted_issuer=issuer)


def portal_of(request: Request) -> Portal:
    """The configured portal; 503 in French when the stub was started without a public URL."""
    portal = portal_of_settings(get_context(request).settings)
    if portal is None:
        raise ApiError(ErrorCode.SERVICE_UNAVAILABLE, NOT_CONFIGURED)
    return portal


class DiscoveryFailed(Exception):
    """The configured issuer's discovery document could not be read or does not name it."""


def _absolute(document: dict[str, Any], name: str) -> str:
    value = document.get(name)
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https"):
        raise DiscoveryFailed(f"{name} missing or not an absolute URL")
    return value


def discover(issuer: str) -> ProviderMetadata:
    """Read ``issuer``'s discovery document; its ``issuer`` must be ``issuer`` exactly."""
    try:
        with httpx.Client(timeout=10, verify=not issuer.startswith("http://")) as http:
            answer = http.get(issuer + DISCOVERY_PATH)
        document = answer.json() if answer.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as exc:
        raise DiscoveryFailed(type(exc).__name__) from exc
    if not isinstance(document, dict):
        raise DiscoveryFailed("no discovery document")
    if document.get("issuer") != issuer:
        raise DiscoveryFailed("the document names another issuer")
    end_session = document.get("end_session_endpoint")
    return ProviderMetadata(
        issuer=issuer,
        authorization_endpoint=_absolute(document, "authorization_endpoint"),
        token_endpoint=_absolute(document, "token_endpoint"),
        jwks_uri=_absolute(document, "jwks_uri"),
        userinfo_endpoint=_absolute(document, "userinfo_endpoint"),
        end_session_endpoint=_absolute(document, "end_session_endpoint")
        if end_session is not None
        else None,
    )
