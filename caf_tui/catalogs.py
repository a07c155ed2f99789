"""The translation catalogs, kept with Babel: extract the French source strings from the code,
merge them into each language's ``.po``, and say what is missing.

Used by ``scripts/i18n.py`` and by the tests (a string without its English fails the suite).
The server's words (``caf_stub``) are the portal's content and stay French: not extracted.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from caf_tui.i18n import DOMAIN, LOCALE_DIR, catalog_path

PACKAGE_DIR = Path(__file__).parent
ROOT = PACKAGE_DIR.parent
#: Babel's mapping, also in babel.cfg for ``pybabel extract -F babel.cfg``.
METHOD_MAP = [("**.py", "python")]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
LANGUAGES = ("en",)


def extract(package_dir: Path = PACKAGE_DIR) -> Catalog:
    """Every ``_``, ``N_`` and ``ngettext`` string of the package, as a template."""
    template = Catalog(
        project="caf-tui",
        domain=DOMAIN,
        charset="utf-8",
        fuzzy=False,
        msgid_bugs_address="",
        copyright_holder="",
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(package_dir), METHOD_MAP, keywords=KEYWORDS, strip_comment_tags=True
    ):
        where = (f"{package_dir.name}/{filename}", lineno)
        template.add(message, None, [where], auto_comments=comments, context=context)
    return template


def read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, ignore_obsolete=True, sort_output=False)


def update(lang: str, template: Catalog) -> Catalog:
    """``lang``'s catalog with the template's strings: new ones empty, gone ones dropped."""
    path = catalog_path(lang)
    if path.is_file():
        catalog = read(path, lang)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="caf-tui", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    return catalog


def placeholders(text: str) -> Counter[str]:
    """The ``{name}`` fields of a ``str.format`` template (format specs aside)."""
    try:
        return Counter(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return Counter({"<unbalanced braces>": 1})


def _texts(message: Message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
    strs = list(message.string) if isinstance(message.string, tuple | list) else [message.string]
    return ids, [text or "" for text in strs]


@dataclass(frozen=True)
class Problem:
    msgid: str
    what: str

    def __str__(self) -> str:
        return f"{self.what}: {self.msgid!r}"


def problems(template: Catalog, catalog: Catalog) -> list[Problem]:
    """What keeps ``catalog`` from translating every string of ``template``."""
    found: list[Problem] = []
    for wanted in template:
        if not wanted.id:
            continue
        key = wanted.id[0] if isinstance(wanted.id, tuple | list) else wanted.id
        message = catalog.get(wanted.id, wanted.context)
        if message is None:
            found.append(Problem(key, "missing from the catalog (run scripts/i18n.py update)"))
            continue
        ids, strs = _texts(message)
        if message.fuzzy:
            found.append(Problem(key, "fuzzy (check the translation, then remove the flag)"))
        if not all(strs):
            found.append(Problem(key, "not translated"))
            continue
        expected = placeholders(ids[-1])
        for text in strs:
            if placeholders(text) != expected and placeholders(text) != placeholders(ids[0]):
                found.append(Problem(key, f"placeholders differ in {text!r}"))
    return found


def messages_of(catalog: Catalog) -> Iterable[Message]:
    return (message for message in catalog if message.id)
