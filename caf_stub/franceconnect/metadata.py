"""The trusted provider's endpoints, as its discovery document gives them (see ``config``).

A module of its own: the shared state keeps them (``state``), which ``config`` imports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProviderMetadata:
    """The provider's endpoints, as its discovery document gives them."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str
    end_session_endpoint: str | None
