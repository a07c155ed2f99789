"""Keep the translations in step with the code (Babel).

    python scripts/i18n.py extract   # the code's French strings -> caf_tui/locale/caf_tui.pot
    python scripts/i18n.py update    # extract, then merge into each language's .po
                                     # (new strings empty, gone ones dropped), then check
    python scripts/i18n.py check     # list what is missing, fuzzy or has wrong placeholders
    python scripts/i18n.py compile   # compile each .po into the user's cache, as the first
                                     # start in that language does (e.g. for a kiosk image)

After ``update``, translate the entries with an empty ``msgstr`` in
``caf_tui/locale/en/LC_MESSAGES/caf_tui.po`` and run ``check`` until it says nothing is missing.
"""

from __future__ import annotations

import argparse
import sys

from babel.messages.catalog import Catalog

from caf_tui import catalogs
from caf_tui.i18n import catalog_path, compiled_catalog, compiled_path


def extract() -> Catalog:
    template = catalogs.extract()
    catalogs.write(catalogs.TEMPLATE, template)
    print(f"{len(template)} strings -> {catalogs.TEMPLATE.relative_to(catalogs.ROOT)}")
    return template


def update() -> int:
    template = extract()
    for lang in catalogs.LANGUAGES:
        catalog = catalogs.update(lang, template)
        catalogs.write(catalog_path(lang), catalog)
        print(f"updated {catalog_path(lang).relative_to(catalogs.ROOT)}")
    return check(template)


def check(template: Catalog | None = None) -> int:
    template = template if template is not None else catalogs.extract()
    status = 0
    for lang in catalogs.LANGUAGES:
        found = catalogs.problems(template, catalogs.read(catalog_path(lang), lang))
        for problem in found:
            print(f"{lang}: {problem}")
        print(f"{lang}: {len(template) - len(found)}/{len(template)} strings ready")
        status = status or int(bool(found))
    return status


def compile_mo() -> int:
    for lang in catalogs.LANGUAGES:
        po_bytes = catalog_path(lang).read_bytes()
        compiled_catalog(lang, po_bytes)
        print(f"compiled {compiled_path(lang, po_bytes)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "check", "compile"])
    command = parser.parse_args(argv).command
    if command == "extract":
        extract()
        return 0
    if command == "compile":
        return compile_mo()
    return update() if command == "update" else check()


if __name__ == "__main__":
    sys.exit(main())
