"""Settings: defaults, then ``CAF_TUI_*`` variables (and ``ACCESSIBLE=1``), then flags."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ThemeName = Literal["caf", "contrast", "ansi"]


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
    lang: str = "fr"
    remember: bool = Field(
        default=True, description="Offer « Se souvenir de moi » (keyring, identifier only)."
    )
    cursor_blink: bool = True

    def model_post_init(self, __context: object) -> None:
        if os.environ.get("ACCESSIBLE", "").strip() not in ("", "0"):
            self.plain = True
