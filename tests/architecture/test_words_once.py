"""A sentence the screens and the line mode both say is written once (``caf_tui/steps/words.py``
or the step's description) and marked for translation there, not in each front end."""

from __future__ import annotations

from caf_tui import catalogs


def marked_twice() -> dict[str, list[str]]:
    template = catalogs.extract()
    twice: dict[str, list[str]] = {}
    for message in template:
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        if msgid and len(message.locations) > 1:
            twice[msgid] = [f"{path}:{line}" for path, line in message.locations]
    return twice


def test_no_sentence_is_marked_for_translation_in_two_places() -> None:
    assert marked_twice() == {}, "write it once in caf_tui/steps/words.py and use it from there"
