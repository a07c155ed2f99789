"""Texts as a flow's ``expect_text`` compares them: French quotes, spaces and case ignored."""

from __future__ import annotations


def norm(text: str) -> str:
    return " ".join(text.replace("«", "").replace("»", "").split()).casefold()
