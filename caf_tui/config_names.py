"""What the start needs of the settings before they are validated, without pydantic: the
config file's place, the variables' and flags' names (``caf_tui.config`` re-exports them)."""

from __future__ import annotations

import os
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from argparse import Namespace

ENV_PREFIX = "CAF_TUI_"
#: Names another config file than the user's (tests, a counter's shared setup).
CONFIG_VARIABLE = "CAF_TUI_CONFIG"
BACKENDS_GROUP = "caf_tui.backends"

#: ``--config FILE`` of this run, which wins over ``CAF_TUI_CONFIG``.
config_override: ContextVar[Path | None] = ContextVar("caf_tui_config_override", default=None)

#: The flag of each setting, where it has one (the PIN hash has none: a flag shows in ``ps``).
FLAGS: dict[str, str] = {
    "backend_url": "--backend",
    "backend_kind": "--backend-kind",
    "stub_db": "--stub-db",
    "plain": "--plain",
    "theme": "--theme",
    "lang": "--lang",
    "remember": "--remember",
    "cursor_blink": "--cursor-blink",
    "kiosk": "--kiosk",
    "kiosk_idle_seconds": "--kiosk-idle-seconds",
    "kiosk_warning_seconds": "--kiosk-warning-seconds",
    "kiosk_session_seconds": "--kiosk-session-seconds",
    "assist": "--assist",
    "log_level": "--log-level",
    "log_format": "--log-format",
    "log_file": "--log-file",
}

#: Settings flags are kept under these names, apart from the subcommands' own arguments.
DEST_PREFIX = "setting_"


def config_file() -> Path:
    """The config file this run reads (it need not exist)."""
    chosen = config_override.get()
    if chosen is not None:
        return chosen
    named = os.environ.get(CONFIG_VARIABLE, "")
    if named:
        return Path(named)
    return Path(platformdirs.user_config_dir("caf-tui")) / "config.toml"


def variable_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


def backend_kinds() -> list[str]:
    """``http`` and the implementations installed under the entry-point group."""
    from importlib.metadata import entry_points

    return ["http", *sorted(entry.name for entry in entry_points(group=BACKENDS_GROUP))]


def accessible_requested() -> bool:
    """``ACCESSIBLE=1``: the convention (gh's accessible prompter) for the line mode."""
    return os.environ.get("ACCESSIBLE", "").strip() not in ("", "0")


def setting_flags(args: Namespace) -> dict[str, object]:
    """The settings given on the command line, by setting name."""
    return {
        name[len(DEST_PREFIX) :]: value
        for name, value in vars(args).items()
        if name.startswith(DEST_PREFIX) and value is not None
    }
