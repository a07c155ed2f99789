"""Settings: flags > ``CAF_TUI_*`` variables (and ``ACCESSIBLE=1``) > the config file > defaults.

The config file is ``$XDG_CONFIG_HOME/caf-tui/config.toml`` (platformdirs' user config dir), or
the file named by ``CAF_TUI_CONFIG``, read by pydantic-settings' own TOML source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from caf_tui.config_names import (
    BACKENDS_GROUP,
    CONFIG_VARIABLE,
    ENV_PREFIX,
    accessible_requested,
    backend_kinds,
    config_file,
    config_override,
    variable_name,
)
from caf_tui.locale_choice import (
    LOCALE_VARIABLES,
    Language,
    language_from_locale,
    locale_variable,
)

__all__ = [
    "BACKENDS_GROUP",
    "CONFIG_VARIABLE",
    "ENV_PREFIX",
    "LOCALE_VARIABLES",
    "Language",
    "Settings",
    "ThemeName",
    "accessible_requested",
    "backend_kinds",
    "config_file",
    "config_override",
    "language_from_locale",
    "locale_variable",
    "variable_name",
]

ThemeName = Literal["caf", "contrast", "ansi"]
LogLevel = Literal["debug", "info", "warning", "error"]
LogFormat = Literal["text", "json"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    backend_url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="A server that speaks the contract; none starts the local stub.",
    )
    backend_kind: str = Field(
        default="http", description="Backend implementation (entry point group caf_tui.backends)."
    )
    stub_db: Path | None = Field(
        default=None, description="Database of the embedded stub (default: user data dir)."
    )
    plain: bool = Field(default=False, description="Line-by-line mode for screen readers.")
    theme: ThemeName = "caf"
    lang: Language = Field(
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
    # --- logs (a file: the terminal is the app's) ----------------------------------------------
    log_level: LogLevel = Field(default="warning", description="Least level written to the log.")
    log_format: LogFormat = Field(default="text", description="text, or json: one object a line.")
    log_file: Path | None = Field(default=None, description="Default: the user log dir.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, config_file())

    @field_validator("backend_kind")
    @classmethod
    def _a_known_backend(cls, value: str) -> str:
        if value != "http" and value not in backend_kinds():
            raise ValueError("unknown backend kind")
        return value

    @field_validator("kiosk_pin_hash")
    @classmethod
    def _an_argon2_hash(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("$argon2"):
            raise ValueError("not an argon2 hash")
        return value

    @model_validator(mode="after")
    def _warning_before_the_wipe(self) -> Self:
        if self.kiosk_warning_seconds >= self.kiosk_idle_seconds:
            raise ValueError("kiosk_warning_seconds must be shorter than kiosk_idle_seconds")
        return self

    def model_post_init(self, __context: object) -> None:
        if "plain" not in self.model_fields_set and accessible_requested():
            self.plain = True  # unless --no-plain (or CAF_TUI_PLAIN=0) says otherwise
        if self.kiosk:
            self.remember = False  # a shared terminal touches no keyring
