"""Load the settings and say, for each, where it came from — or, when one is wrong, one line in
the chosen language per wrong setting: which one, what was given, what is accepted."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_settings import EnvSettingsSource, TomlConfigSettingsSource

from caf_tui import settings_problems
from caf_tui.config import (
    Settings,
    accessible_requested,
    backend_kinds,
    config_file,
    locale_variable,
    variable_name,
)
from caf_tui.config_names import DEST_PREFIX as DEST_PREFIX
from caf_tui.config_names import FLAGS
from caf_tui.config_names import setting_flags as setting_flags
from caf_tui.i18n import N_, _

OriginKind = Literal["flag", "variable", "file", "default", "locale", "accessible"]


@dataclass(frozen=True)
class Origin:
    kind: OriginKind
    where: str = ""

    def words(self) -> str:
        if self.kind == "flag":
            return _("option {flag}").format(flag=self.where)
        if self.kind == "variable":
            return _("variable {name}").format(name=self.where)
        if self.kind == "file":
            return _("fichier {path}").format(path=self.where)
        if self.kind == "locale":
            return _("langue du système ({variable})").format(variable=self.where)
        if self.kind == "accessible":
            return _("variable ACCESSIBLE")
        return _(settings_problems.DEFAULT_ORIGIN)


class SettingsRefused(Exception):
    """The settings cannot be used; ``lines`` say why, one per wrong setting."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    origins: dict[str, Origin]
    file: Path


def _file_values(path: Path) -> dict[str, Any]:
    try:
        return dict(TomlConfigSettingsSource(Settings, path)())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsRefused(
            [
                _(
                    "Fichier de réglages {path} illisible : {error}. Corrigez sa syntaxe TOML."
                ).format(path=path, error=error)
            ]
        ) from error
    except OSError as error:
        raise SettingsRefused(
            [_("Fichier de réglages {path} illisible : {error}.").format(path=path, error=error)]
        ) from error


def origins_of(flags: Mapping[str, object], path: Path) -> dict[str, Origin]:
    """Where each setting's value comes from, in the order the settings apply them."""
    variables = EnvSettingsSource(Settings)()
    in_file = _file_values(path)
    origins: dict[str, Origin] = {}
    for name in Settings.model_fields:
        if name in flags:
            origins[name] = Origin("flag", FLAGS.get(name, name))
        elif name in variables:
            origins[name] = Origin("variable", variable_name(name))
        elif name in in_file:
            origins[name] = Origin("file", str(path))
        elif name == "lang" and (found := locale_variable()) is not None:
            origins[name] = Origin("locale", f"{found[0]}={found[1]}")
        elif name == "plain" and accessible_requested():
            origins[name] = Origin("accessible")
        else:
            origins[name] = Origin("default")
    return origins


def _unknown_in_file(path: Path) -> list[str]:
    known = set(Settings.model_fields)
    unknown = sorted(set(_file_values(path)) - known)
    return [
        _("Fichier {path} : réglage inconnu « {name} » ; réglages acceptés : {known}.").format(
            path=path, name=name, known=", ".join(Settings.model_fields)
        )
        for name in unknown
    ]


def load_settings(flags: Mapping[str, Any]) -> LoadedSettings:
    """The settings from ``flags`` (the parsed command line), the variables, the file and the
    defaults; :class:`SettingsRefused` when any is wrong (all of them said at once)."""
    path = config_file()
    origins = origins_of(flags, path)
    problems = _unknown_in_file(path)
    try:
        settings = Settings(**flags)
    except ValidationError as error:
        problems += problem_lines(error, origins)
    if problems:
        raise SettingsRefused(problems)
    return LoadedSettings(settings=settings, origins=origins, file=path)


#: Rules between two settings, said on the second.
BETWEEN = {
    "kiosk_warning_seconds": (
        "kiosk_warning_seconds",
        N_("un nombre entier de secondes, au moins 20, et moins que kiosk_idle_seconds"),
    )
}


def problem_lines(error: ValidationError, origins: Mapping[str, Origin]) -> list[str]:
    return settings_problems.problem_lines(
        Settings,
        error,
        {name: origin.words() for name, origin in origins.items()},
        {key: (name, _(words)) for key, (name, words) in BETWEEN.items()},
        {"backend_kind": ", ".join(backend_kinds())},
    )
