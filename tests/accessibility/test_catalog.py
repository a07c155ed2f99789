"""Every string of the code has its English translation, with the same placeholders.

The template is extracted from the code as it is now (Babel, in memory: under a second), so a
string added without its translation fails here. To fix: ``python scripts/i18n.py update``,
translate the new entries of ``caf_tui/locale/en/LC_MESSAGES/caf_tui.po``, then
``python scripts/i18n.py check``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from caf_tui import catalogs
from caf_tui.i18n import catalog_path


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogs.extract()


@pytest.fixture(scope="module")
def english() -> Catalog:
    return catalogs.read(catalog_path("en"), "en")


def test_the_template_finds_the_strings_of_the_screens(template: Catalog) -> None:
    ids = {message.id for message in template}
    assert "Se connecter" in ids
    assert "Aide" in ids  # marked with N_ in BINDINGS
    assert ("Il vous reste {n} essai.", "Il vous reste {n} essais.") in ids


def test_every_string_has_an_english_translation(template: Catalog, english: Catalog) -> None:
    missing = [
        str(problem)
        for problem in catalogs.problems(template, english)
        if "placeholders" not in problem.what
    ]
    assert not missing, "\n".join(
        ["Untranslated strings — run `python scripts/i18n.py update` and translate:", *missing]
    )


def test_translations_keep_the_placeholders(english: Catalog) -> None:
    wrong = []
    for message in catalogs.messages_of(english):
        ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
        strs = message.string if isinstance(message.string, tuple | list) else [message.string]
        allowed = [catalogs.placeholders(text) for text in ids]
        for text in strs:
            if text and catalogs.placeholders(text) not in allowed:
                wrong.append(f"{ids[0]!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_placeholder_check_catches_a_lost_field() -> None:
    template = Catalog(locale="en")
    template.add("Bonjour {given} {family}")
    catalog = Catalog(locale="en")
    catalog.add("Bonjour {given} {family}", "Hello {given}")
    assert [p.what for p in catalogs.problems(template, catalog)] == [
        "placeholders differ in 'Hello {given}'"
    ]


def test_an_untranslated_or_fuzzy_string_is_reported() -> None:
    template = Catalog(locale="en")
    for text in ("Oui", "Non", "Passer"):
        template.add(text)
    catalog = Catalog(locale="en")
    catalog.add("Oui", "")
    catalog.add("Non", "No", flags=["fuzzy"])
    found = {(p.msgid, p.what.split(" ")[0]) for p in catalogs.problems(template, catalog)}
    assert found == {("Oui", "not"), ("Non", "fuzzy"), ("Passer", "missing")}


TRANSLATING_MODULES = ("help_texts", "labels")


def _translated_at_import(path: Path) -> list[str]:
    """``_()`` calls outside any function: run once, at import, in whatever language then."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Call) and (
                (isinstance(child.func, ast.Name) and child.func.id in ("_", "ngettext"))
                or (  # help_texts.nir_help(), labels.step_name(…): they call _ too
                    isinstance(child.func, ast.Attribute)
                    and isinstance(child.func.value, ast.Name)
                    and child.func.value.id in TRANSLATING_MODULES
                )
            ):
                found.append(f"{path}:{child.lineno}")
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_nothing_is_translated_at_import_time() -> None:
    """Class attributes (HELP, BINDINGS) use ``N_`` and are translated where shown (or the
    screen overrides ``screen_help``)."""
    package = Path(catalogs.PACKAGE_DIR)
    found = [hit for path in sorted(package.rglob("*.py")) for hit in _translated_at_import(path)]
    assert not found, "use N_(...) here and _(...) where the text is shown:\n" + "\n".join(found)
