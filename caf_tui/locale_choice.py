"""The language the system's locale asks for (shared by ``caf-tui`` and ``caf-stub``)."""

from __future__ import annotations

import os
from typing import Literal

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")

#: Where the system's locale is read from, most specific first (POSIX order).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_variable() -> tuple[str, str] | None:
    """The locale variable in force and its value ("LANG", "en_GB.UTF-8"), if any."""
    for name in LOCALE_VARIABLES:
        value = os.environ.get(name, "")
        if value:
            return name, value
    return None


def language_from_locale() -> Language:
    """English when the system's locale is English ("en_GB.UTF-8"…), French otherwise."""
    found = locale_variable()
    return "en" if found is not None and found[1].lower().startswith("en") else "fr"
