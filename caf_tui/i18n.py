"""Translation hooks. Every user-facing string goes through ``_`` so catalogs can be extracted.

French is the source language; other languages come from gettext catalogs under ``locale/``.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "caf_tui"

_translation: gettext.NullTranslations = gettext.NullTranslations()


def set_language(lang: str) -> None:
    """Switch every later ``_`` call to ``lang`` ("fr" is the source and needs no catalog)."""
    global _translation
    if lang.startswith("fr"):
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
        )


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
