"""The catalog compiled once (issue 15, point 4): a start reads the ``.mo`` cached under the
hash of the ``.po``'s content instead of parsing the ``.po`` with Babel; an edited ``.po`` is
compiled again; without a writable cache the app still speaks English."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from caf_tui import i18n

SOURCE_PO = i18n.catalog_path("en")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "cache"
    monkeypatch.setattr(i18n, "cache_dir", lambda: where)
    i18n.load_translations.cache_clear()
    yield where
    i18n.load_translations.cache_clear()
    i18n.set_language("fr")


def english(message: str) -> str:
    return i18n.load_translations("en").gettext(message)


def test_compiled_once_then_read_without_babel(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert english("Entrée") == "Enter"
    compiled = list(cache.glob("caf_tui-en-*.mo"))
    assert compiled == [i18n.compiled_path("en", SOURCE_PO.read_bytes())]

    def no_parsing(po_bytes: bytes, lang: str) -> bytes:
        raise AssertionError("the .po was parsed again")

    monkeypatch.setattr(i18n, "compile_catalog", no_parsing)
    i18n.load_translations.cache_clear()
    assert english("Entrée") == "Enter"


def test_an_edited_catalog_is_compiled_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert english("Entrée") == "Enter"
    edited = tmp_path / "locale" / "en" / "LC_MESSAGES" / "caf_tui.po"
    edited.parent.mkdir(parents=True)
    edited.write_text(
        SOURCE_PO.read_text(encoding="utf-8").replace('msgstr "Enter"', 'msgstr "Return"', 1),
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n.load_translations.cache_clear()
    assert english("Entrée") == "Return"
    assert len(list(cache.glob("caf_tui-en-*.mo"))) == 2


def test_without_a_writable_cache_the_catalog_is_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(i18n, "cache_dir", lambda: blocker / "catalogs")
    i18n.load_translations.cache_clear()
    try:
        assert english("Entrée") == "Enter"
    finally:
        i18n.load_translations.cache_clear()


def test_a_second_start_does_not_load_babel(tmp_path: Path) -> None:
    """Two real starts in English: the first compiles, the second only reads the ``.mo``."""
    probe = (
        "import sys; from caf_tui.i18n import set_language, _; set_language('en'); "
        "print(_('Entrée'), 'babel' in sys.modules)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def start() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert start() == "Enter True"
    assert start() == "Enter False"
