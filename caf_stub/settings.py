"""Settings of the stub, from arguments or the environment (prefix ``CAF_STUB_``)."""

from __future__ import annotations

import ipaddress
from datetime import datetime
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MEMORY = ":memory:"


def default_db_path() -> str:
    """The stub's database file under the user data directory (created when first needed)."""
    return str(Path(platformdirs.user_data_dir("caf-tui")) / "stub.sqlite3")


class StubSettings(BaseSettings):
    """Everything that can be tuned in the stub. Durations are in seconds unless named."""

    model_config = SettingsConfigDict(env_prefix="CAF_STUB_", extra="ignore")

    db: str = Field(
        default_factory=default_db_path,
        description="SQLite file of the stub, ':memory:' (tests), or the postgresql:// URL of "
        "a server several workers and restarts share.",
    )
    fixed_code: str | None = Field(
        default=None,
        pattern=r"^\d{6}$",
        description="Every verification code takes this value (tests and demos).",
    )
    password_min_length: int = Field(default=8, ge=1, le=128)
    password_max_length: int = Field(default=24, ge=1, le=128)
    control_api: bool | None = Field(
        default=None,
        description="The /_stub routes: on by default on loopback, off beyond unless True.",
    )
    start_time: datetime | None = Field(default=None, description="The clock's time at start.")
    frozen: bool = Field(default=False, description="The clock moves only when told.")
    idle_timeout_seconds: int = Field(default=1800, gt=0)
    absolute_timeout_seconds: int = Field(default=43200, gt=0)
    resend_cooldown_seconds: int = Field(default=60, ge=0)
    max_sends_per_hour: int = Field(default=5, ge=1)
    max_code_attempts: int = Field(default=5, ge=1)
    max_login_failures: int = Field(default=5, ge=1)
    lock_minutes: int = Field(default=15, ge=1)
    max_lock_minutes: int = Field(default=24 * 60, ge=1, description="Locks grow to this.")
    max_consecutive_failures: int = Field(
        default=100, ge=1, description="Then locked until the password is reset."
    )
    client_max_failures: int = Field(default=20, ge=1, description="Failed logins per client…")
    client_window_seconds: int = Field(default=300, ge=1, description="…in this sliding window.")
    public_url: str | None = Field(
        default=None,
        description="The stub's address as people and the app reach it (scheme, host, port): "
        "every link, redirect URI and QR link is built from it, never from a request. "
        "Default: the address the server bound.",
    )
    franceconnect_issuer: str | None = Field(
        default=None,
        description="The FranceConnect provider the portal trusts, read through its discovery "
        "document ({issuer}/.well-known/openid-configuration); tokens are exchanged and checked "
        "there only. Default: the stub's own demo provider, {public_url}/franceconnect.",
    )
    franceconnect_client_id: str | None = Field(
        default=None, description="The portal's client id at the provider (default: random)."
    )
    franceconnect_client_secret: SecretStr | None = Field(
        default=None, description="The portal's client secret at the provider (default: random)."
    )
    franceconnect_signing_jwk: SecretStr | None = Field(
        default=None,
        description="The demo provider's signing key, a private EC P-256 JWK as JSON "
        "(default: made when first needed; caf-stub --workers makes one for all its workers).",
    )
    cheapest_hashes: bool = Field(
        default=False,
        description="Tests only: argon2id at its smallest cost (t=1, m=8 KiB), each hash in "
        "microseconds instead of 30–40 ms. Never for a stub that holds anyone's password: a "
        "copied database would give its passwords up at once.",
    )
    forwarded_allow_ips: str | None = Field(
        default=None,
        description="Trust X-Forwarded-For and X-Forwarded-Proto from these proxy addresses "
        "(comma-separated addresses or networks). Off by default: the client is the peer of "
        "the connection, whatever the request says about itself.",
    )

    @field_validator("public_url", "franceconnect_issuer")
    @classmethod
    def _absolute_http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("an absolute http(s) URL is required, e.g. http://127.0.0.1:8800")
        if parts.query or parts.fragment:
            raise ValueError("the URL must have no query or fragment")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _lengths_in_order(self) -> Self:
        if self.password_min_length > self.password_max_length:
            raise ValueError("password_min_length must not exceed password_max_length")
        return self


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and "localhost"."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def control_api_enabled(settings: StubSettings, host: str) -> bool:
    """Whether the /_stub routes may be served when listening on ``host``."""
    if settings.control_api is None:
        return is_loopback(host)
    return settings.control_api
