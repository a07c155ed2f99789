"""The replayer answers both front ends by id: no French word is matched anywhere in
``caf_tui/replay`` (a flow's ``expect_text`` is the flow's own words, not the replayer's)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

REPLAY = Path(__file__).parents[2] / "caf_tui" / "replay"
#: Calls whose text arguments are matched against what a front end shows or says.
MATCHING = {
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "count",
    "removeprefix",
    "removesuffix",
    "compile",
    "search",
    "match",
    "fullmatch",
    "findall",
    "finditer",
}
#: Words, not ids: a letter French writes and ids never have, or two words and a space.
FRENCH = re.compile(r"[àâçéèêëîïôûùüÿœ«»]|[a-z]{2,} [a-z]{2,}", re.IGNORECASE)


def matched_texts(source: str) -> Iterator[str]:
    """The string literals a module compares, searches or matches with."""
    for node in ast.walk(ast.parse(source)):
        operands: list[ast.expr] = []
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in MATCHING:
            operands = list(node.args)
        for operand in operands:
            for leaf in ast.walk(operand):
                if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                    yield leaf.value


def french_matched(source: str) -> list[str]:
    return [text for text in matched_texts(source) if FRENCH.search(text)]


def test_the_replayer_matches_no_french_word() -> None:
    found = {
        path.name: words
        for path in sorted(REPLAY.glob("*.py"))
        if (words := french_matched(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_line_mode_words_module_is_gone() -> None:
    assert not (REPLAY / "plain_words.py").exists()


def test_a_french_word_matched_is_found() -> None:
    source = (
        'if "erreur sur le champ" in said: pass\n'
        'question.startswith("numéro")\n'
        'if asked.id == "password": pass\n'
        'raise StepFailed(f"le texte « {text} » n\'a pas été dit")\n'
    )
    assert french_matched(source) == ["erreur sur le champ", "numéro"]
