"""The wrapping rules themselves (issue 20, point 3), at every width: quick, without an app.
The screens are walked in ``test_wrapping.py``."""

from __future__ import annotations

import re

import pytest
from textual._wrap import compute_wrap_offsets
from textual.content import Content

from caf_tui import catalogs, typography

SENTENCES = [
    "05/11/2026  Allocation de soutien familial : 197,60\u00a0€",
    "Un code vous a été envoyé par SMS au 06 15 00 00 00. Ce code est valable 10 minutes.",
    "sans caractères spéciaux ni lettres accentuées, ni d'espaces (Exemples : ! ? é ù @)",
    "Cochez la case « Se souvenir de moi » pour que le système retienne votre identifiant.",
    "Vos réponses sont enregistrées ; voulez-vous continuer ? Oui ! Code : 123 456.",
    "Solde : 1\u202f234,56\u00a0€ (au 01/12/2026).",
]
TOGETHER = ["197,60\u00a0€", "06 15 00 00 00", "123 456", "1\u202f234,56\u00a0€"]
SPACES = str.maketrans("", "", " \u00a0\u202f")


@pytest.fixture(autouse=True)
def _installed() -> None:
    typography.install()


def rows_at(text: str, width: int) -> list[str]:
    return [str(line).rstrip() for line in Content(text).wrap(width)]


@pytest.mark.parametrize("text", SENTENCES)
def test_no_row_starts_with_what_belongs_to_the_word_before(text: str) -> None:
    for width in range(16, len(text) + 1):
        rows = rows_at(text, width)
        assert "".join(rows).translate(SPACES) == text.translate(SPACES)  # nothing lost
        for row in rows[1:]:
            assert not row.lstrip().startswith(tuple(":;!?»€")), (width, rows)
        for before in rows[:-1]:
            assert not before.rstrip().endswith("«"), (width, rows)


@pytest.mark.parametrize("text", SENTENCES)
def test_numbers_amounts_and_phones_stay_on_one_row(text: str) -> None:
    for width in range(16, len(text) + 1):
        rows = rows_at(text, width)
        for words in TOGETHER:
            if words in text:
                assert any(words in row for row in rows), (width, words, rows)


def test_the_no_break_space_itself_does_not_break() -> None:
    """Why it broke: ``\\s`` in Python's ``re`` is also U+00A0; the word pattern now keeps it."""
    assert typography.wrap_points("montant 197,60\u00a0€", 14) == ["montant", "197,60\u00a0€"]


def test_textual_s_own_wrapping_follows_the_same_rules() -> None:
    """``TextArea`` wraps with ``textual._wrap``, not Rich's divider."""
    text = "au 06 15 00 00 00"
    assert compute_wrap_offsets(text, 16, tab_size=4) == [3]


def test_a_word_longer_than_the_row_is_still_folded() -> None:
    rows = rows_at("06 15 00 00 00", 8)
    assert rows == ["06 15 00", "00 00"] or all(len(row) <= 8 for row in rows)


#: « mot: », « mot ! » glued, « «mot» »: French punctuation without its space.
UNSPACED = re.compile(r"[^\s\u00a0\u202f({\[][;:!?](?=\s|$)|«[^\s\u00a0\u202f]|[^\s\u00a0\u202f]»")


def test_french_sources_space_their_punctuation() -> None:
    """The catalog's side: every French string puts its space before « : ; ! ? » and inside
    « … », so that the wrapping keeps them together (the space is plain in the source)."""
    found = [
        text
        for message in catalogs.messages_of(catalogs.extract())
        for text in (message.id if isinstance(message.id, tuple | list) else [message.id])
        if UNSPACED.search(text)
    ]
    assert found == []
