"""``caf-tui config``: the settings in force, each with where it came from, written as a
config file would hold them (so the output can be saved as one)."""

from __future__ import annotations

import argparse
import json

from caf_tui.config import Settings
from caf_tui.config_sources import LoadedSettings, Origin, load_settings, setting_flags
from caf_tui.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Nothing of its own: the settings flags come before it (``caf-tui --theme ansi config``)."""


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def config_lines(loaded: LoadedSettings) -> list[str]:
    """The settings in force as a TOML file would write them, each with where it came from."""
    state = _("présent") if loaded.file.is_file() else _("absent")
    lines = [_("# Fichier de réglages : {path} ({state})").format(path=loaded.file, state=state)]
    for name in Settings.model_fields:
        value = getattr(loaded.settings, name)
        origin: Origin = loaded.origins[name]
        if name == "kiosk_pin_hash" and value is not None:
            shown = _toml_value(_("(masqué)"))
        elif value is None:
            lines.append(f"# {name} = …  # {origin.words()} : {_('aucun')}")
            continue
        else:
            shown = _toml_value(value)
        lines.append(f"{name} = {shown}  # {origin.words()}")
    return lines


def run(args: argparse.Namespace) -> int:
    loaded = load_settings(setting_flags(args))
    for line in config_lines(loaded):
        print(line)
    return 0
