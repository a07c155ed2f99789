"""Settings: defaults, then ``CAF_TUI_*`` variables (and ``ACCESSIBLE=1``), then flags."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

ThemeName = Literal["caf", "contrast", "ansi"]

#: Where the system's locale is read from, most specific first (POSIX order).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_from_locale() -> str:
    """English when the system's locale is English ("en_GB.UTF-8"…), French otherwise."""
    for name in LOCALE_VARIABLES:
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CAF_TUI_", extra="ignore")

    backend_url: str | None = Field(
        default=None, description="A server that speaks the contract; none starts the local stub."
    )
    backend_kind: str = Field(
        default="http", description="Backend implementation (entry point group caf_tui.backends)."
    )
    stub_db: Path | None = Field(
        default=None, description="Database of the embedded stub (default: user data dir)."
    )
    plain: bool = Field(default=False, description="Line-by-line mode for screen readers.")
    theme: ThemeName = "caf"
    lang: str = Field(
        default_factory=language_from_locale,
        description="fr or en; by default English only when the system's locale is English.",
    )
    remember: bool = Field(
        default=True, description="Offer « Se souvenir de moi » (keyring, identifier only)."
    )
    cursor_blink: bool = Field(
        default=False,
        description="A steady cursor by default: a blinking one redraws its line twice a "
        "second (42 KB a minute of terminal output on a slow link) and distracts some readers.",
    )
    # --- counter use (kiosk, assisted) --------------------------------------------------------
    kiosk: bool = Field(default=False, description="Shared terminal: no keyring, no exit, wipes.")
    kiosk_idle_seconds: int = Field(default=120, ge=30, description="Idle time before the wipe.")
    kiosk_warning_seconds: int = Field(
        default=20, ge=20, description="Warning shown this long before the wipe (WCAG 2.2.1)."
    )
    kiosk_session_seconds: int = Field(
        default=1800, ge=60, description="Absolute limit of one visit, then the wipe."
    )
    kiosk_pin_hash: SecretStr | None = Field(
        default=None, description="argon2 hash of the staff PIN (caf-tui kiosk-pin)."
    )
    assist: bool = Field(default=False, description="Notes for staff beside the person.")

    def model_post_init(self, __context: object) -> None:
        if os.environ.get("ACCESSIBLE", "").strip() not in ("", "0"):
            self.plain = True
        if self.kiosk:
            self.remember = False  # a shared terminal touches no keyring
        if self.kiosk_warning_seconds >= self.kiosk_idle_seconds:
            raise ValueError("kiosk_warning_seconds must be shorter than kiosk_idle_seconds")
