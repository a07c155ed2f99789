"""The settings of a start, validated once and kept under the hash of everything they came from.

``caf_tui.config`` (pydantic-settings) stays the one source of truth; importing it costs about
230 ms, more than a bare Textual app takes to paint. So the values it validated are written to
the user cache dir (beside the compiled catalogs) under the hash of their inputs: the
``CAF_TUI_*``, ``ACCESSIBLE`` and locale variables, the config file's path and bytes, the
command line's settings and the code that validates them (standing for the package's version).
The next start with the same inputs builds its first frame from those values without pydantic,
and the real ``Settings`` is built after the frame; anything changed is another hash, a miss,
validated before the frame as ever (a wrong setting stops the start with its message). Secret
fields are never written.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from caf_tui.locale_choice import LOCALE_VARIABLES
from caf_tui.user_cache import content_key, user_cache_dir, write_whole

if TYPE_CHECKING:
    from collections.abc import Mapping

    from caf_tui.config_sources import LoadedSettings

#: Never written to the cache: read by the real ``Settings``, after the frame.
SECRET_FIELDS = frozenset({"kiosk_pin_hash"})
#: The code whose change changes what the same inputs validate to.
VALIDATING_CODE = (
    "config.py",
    "config_names.py",
    "config_sources.py",
    "locale_choice.py",
    "settings_cache.py",
)
PACKAGE = Path(__file__).parent


def settings_cache_dir() -> Path:
    return user_cache_dir() / "settings"


def _code_digest() -> str:
    # The validating code's bytes stand for the package's version: they change with every
    # version that validates differently, and an edited checkout too; importlib.metadata alone
    # would cost a tenth of the bare app's first paint.
    return content_key(*((PACKAGE / name).read_bytes() for name in VALIDATING_CODE))


def _file_bytes(path: Path) -> str | None:
    try:
        return path.read_bytes().hex()
    except OSError:
        return None


def inputs_digest(flags: Mapping[str, object], config_file: Path) -> str:
    """The hash of everything the settings of this start come from."""
    variables = {
        name: value
        for name, value in os.environ.items()
        if name.startswith("CAF_TUI_") or name == "ACCESSIBLE" or name in LOCALE_VARIABLES
    }
    inputs = {
        "code": _code_digest(),
        "variables": sorted(variables.items()),
        "file": [str(config_file), _file_bytes(config_file)],
        "flags": sorted((name, str(value)) for name, value in flags.items()),
    }
    return content_key(json.dumps(inputs).encode())


class CachedSettings:
    """A start's validated values read back from the cache: the attributes of ``Settings`` the
    first frame reads, without pydantic (the secret fields are absent)."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.__dict__.update(values)


class CacheHit(NamedTuple):
    settings: CachedSettings
    #: Where ``plain`` came from ("default" lets the terminal decide).
    plain_origin: str


def _entry(digest: str) -> Path:
    return settings_cache_dir() / f"{digest}.json"


def lookup(digest: str) -> CacheHit | None:
    try:
        stored = json.loads(_entry(digest).read_text(encoding="utf-8"))
        values: dict[str, Any] = stored["values"]
        for name in stored["paths"]:
            if values[name] is not None:
                values[name] = Path(values[name])
        return CacheHit(CachedSettings(values), str(stored["plain_origin"]))
    except (OSError, ValueError, KeyError, TypeError):  # absent, half-written, another shape
        return None


def store(digest: str, loaded: LoadedSettings) -> None:
    """Keep ``loaded``'s values for the next start with the same inputs (best effort)."""
    settings = loaded.settings
    values = settings.model_dump(mode="json", exclude=set(SECRET_FIELDS))
    paths = [
        name
        for name, field in type(settings).model_fields.items()
        if name in values and "Path" in str(field.annotation)
    ]
    entry = {"values": values, "paths": paths, "plain_origin": loaded.origins["plain"].kind}
    write_whole(_entry(digest), json.dumps(entry).encode())  # else validated at each start


class FlagShape(NamedTuple):
    """What the command line needs of a setting to give it a flag."""

    boolean: bool
    choices: tuple[str, ...] | None


def flag_shapes() -> dict[str, FlagShape]:
    """Each setting's flag shape, read from ``Settings`` once per version of its code."""
    target = settings_cache_dir() / f"flags-{_code_digest()}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        stored = json.loads(target.read_text(encoding="utf-8"))
        return {
            name: FlagShape(bool(shape["boolean"]), _choices(shape["choices"]))
            for name, shape in stored.items()
        }
    shapes = _shapes_from_settings()
    stored = {name: {"boolean": s.boolean, "choices": s.choices} for name, s in shapes.items()}
    write_whole(target, json.dumps(stored).encode())
    return shapes


def _choices(stored: object) -> tuple[str, ...] | None:
    return None if stored is None else tuple(str(choice) for choice in stored)  # type: ignore[attr-defined]


def _shapes_from_settings() -> dict[str, FlagShape]:
    import typing

    from caf_tui.config import Settings

    shapes: dict[str, FlagShape] = {}
    for name, field in Settings.model_fields.items():
        literal = typing.get_origin(field.annotation) is typing.Literal
        shapes[name] = FlagShape(
            field.annotation is bool,
            tuple(typing.get_args(field.annotation)) if literal else None,
        )
    return shapes
