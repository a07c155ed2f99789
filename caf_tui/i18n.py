"""Translation hooks. Every user-facing string goes through ``_`` so catalogs can be extracted.

French is the source language; other languages come from the gettext catalogs under
``locale/<lang>/LC_MESSAGES/caf_tui.po``. ``scripts/i18n.py`` extracts and updates them.

The ``.po`` is the only file kept in the repository. It is compiled once into a ``.mo`` named by
the hash of its content, in the user's cache directory: later starts read that ``.mo`` (a few
milliseconds) instead of parsing the ``.po`` with Babel (about 80 ms); an edited ``.po`` has
another hash, so a stale ``.mo`` is never read. Without a writable cache the catalog is
compiled in memory, as before.

Strings written at import time (class attributes: ``HELP``, binding descriptions) are marked
with ``N_`` and translated where they are shown: a module is imported once, in whatever language
was current then.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Protocol

from caf_tui.user_cache import content_key, user_cache_dir, write_whole

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "caf_tui"
SOURCE_LANGUAGE = "fr"


class Translations(Protocol):
    """What ``_`` and ``ngettext`` ask of a catalog (``gettext.NullTranslations`` has it)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class SourceWords:
    """The source language's words, as ``gettext.NullTranslations`` gives them: French, the
    person's usual language, needs neither a catalog nor the ``gettext`` module (imported for
    a translated language only: it is not needed by the first frame)."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural


_translation: Translations = SourceWords()
_language = SOURCE_LANGUAGE
#: True while the portal (the stub, in this process) answers: its words stay French.
_portal_voice: ContextVar[bool] = ContextVar("caf_tui_portal_voice", default=False)


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def cache_dir() -> Path:
    """Where compiled catalogs are kept (``~/.cache/caf-tui/catalogs`` on Linux)."""
    return user_cache_dir() / "catalogs"


def compiled_path(lang: str, po_bytes: bytes) -> Path:
    """The cached ``.mo`` of a ``.po`` with this content."""
    return cache_dir() / f"{DOMAIN}-{lang}-{content_key(po_bytes)}.mo"


def compile_catalog(po_bytes: bytes, lang: str) -> bytes:
    """The ``.mo`` of a ``.po`` (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes), locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compiled_catalog(lang: str, po_bytes: bytes) -> bytes:
    """The ``.mo`` of ``po_bytes``: from the cache, or compiled and cached for the next start."""
    target = compiled_path(lang, po_bytes)
    with contextlib.suppress(OSError):
        return target.read_bytes()
    mo = compile_catalog(po_bytes, lang)
    write_whole(target, mo)  # without a writable cache: compiled at each start
    return mo


@cache
def load_translations(lang: str) -> Translations:
    """The catalog of ``lang`` (or its base language, "en_GB" -> "en"); none: the source."""
    for candidate in dict.fromkeys([lang, lang.split("_")[0].split("-")[0]]):
        path = catalog_path(candidate)
        if path.is_file():
            import gettext

            mo = compiled_catalog(candidate, path.read_bytes())
            return gettext.GNUTranslations(io.BytesIO(mo))
    return SourceWords()


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
    _translation = SourceWords() if lang.startswith(SOURCE_LANGUAGE) else load_translations(lang)


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
