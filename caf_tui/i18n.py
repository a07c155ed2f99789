"""Translation hooks. Every user-facing string goes through ``_`` so catalogs can be extracted.

French is the source language; other languages come from the gettext catalogs under
``locale/<lang>/LC_MESSAGES/caf_tui.po``, read with Babel when the language is chosen (no
compiled ``.mo`` to keep in step). ``scripts/i18n.py`` extracts and updates them.

Strings written at import time (class attributes: ``HELP``, binding descriptions) are marked
with ``N_`` and translated where they are shown: a module is imported once, in whatever language
was current then.
"""

from __future__ import annotations

import contextlib
import gettext
import io
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "caf_tui"
SOURCE_LANGUAGE = "fr"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
#: True while the portal (the stub, in this process) answers: its words stay French.
_portal_voice: ContextVar[bool] = ContextVar("caf_tui_portal_voice", default=False)


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def load_translations(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang`` (or its base language, "en_GB" -> "en"); none: the source."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for candidate in dict.fromkeys([lang, lang.split("_")[0].split("-")[0]]):
        path = catalog_path(candidate)
        if path.is_file():
            with path.open("rb") as po:
                catalog = read_po(po, locale=candidate, domain=DOMAIN)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)  # fuzzy entries left out, as msgfmt does
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


@contextlib.contextmanager
def portal_voice() -> Iterator[None]:
    """Inside, ``_`` returns the French source: for the stub's answers, which are the portal's
    content, whatever language the app in the same process shows."""
    token = _portal_voice.set(True)
    try:
        yield
    finally:
        _portal_voice.reset(token)


def set_language(lang: str) -> None:
    """Switch every later ``_`` call to ``lang`` ("fr" is the source and needs no catalog)."""
    global _translation, _language
    _language = lang
    if lang.startswith(SOURCE_LANGUAGE):
        _translation = gettext.NullTranslations()
    else:
        _translation = load_translations(lang)


def current_language() -> str:
    """The language of the app's own words ("fr", "en"…); the portal's stay French."""
    return SOURCE_LANGUAGE if _portal_voice.get() else _language


def _(message: str) -> str:
    if not message or _portal_voice.get():  # gettext("") is the catalog's header
        return message
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with ``_`` where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    if _portal_voice.get():
        return singular if n == 1 else plural
    return _translation.ngettext(singular, plural, n)
