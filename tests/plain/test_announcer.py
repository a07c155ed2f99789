"""The announcer and the spoken words, without a server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from caf_tui.i18n import set_language
from caf_tui.labels import euros
from caf_tui.plain.announcer import CodeValidityAnnouncer
from caf_tui.plain.wording import spoken_duration

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (600, "10 minutes"),
        (60, "1 minute"),
        (250, "4 minutes et 10 secondes"),
        (61, "1 minute et 1 seconde"),
        (45, "45 secondes"),
    ],
)
def test_spoken_duration(seconds: int, words: str) -> None:
    assert spoken_duration(seconds) == words


def test_euros() -> None:
    assert euros(14199) == "141,99\xa0€"
    assert euros(123456) == "1\u202f234,56\xa0€"
    assert euros(-500) == "-5,00\xa0€"
    set_language("en")
    try:
        assert euros(123456) == "€1,234.56"
    finally:
        set_language("fr")


def announcer(left: float) -> tuple[CodeValidityAnnouncer, list[str], list[datetime]]:
    now = [T0]
    said: list[str] = []
    item = CodeValidityAnnouncer(
        T0 + timedelta(seconds=left), lambda: now[0], said.append, tick=3600
    )
    return item, said, now


def test_thresholds_in_order() -> None:
    item, said, now = announcer(600)
    item.start()
    for seconds in (100, 199, 1, 60, 179, 1, 30, 29, 1, 0, 100):
        now[0] += timedelta(seconds=seconds)
        item.check()
    item.stop()
    assert said == [
        "Ce code est valable 10 minutes.",
        "Le code est encore valable 5 minutes.",
        "Le code est encore valable 1 minute.",
        "Le code a expiré : tapez 1 pour en demander un nouveau.",
    ]


def test_a_code_resumed_late_skips_the_thresholds_behind_it() -> None:
    item, said, now = announcer(200)
    item.start()
    now[0] += timedelta(seconds=150)
    item.check()
    item.stop()
    assert said == [
        "Ce code est valable 3 minutes et 20 secondes.",
        "Le code est encore valable 50 secondes.",
    ]


def test_an_expired_code_says_so_once_and_watches_nothing() -> None:
    item, said, _ = announcer(-5)
    item.start()
    item.check()
    assert said == ["Le code a expiré : tapez 1 pour en demander un nouveau."]
    assert item._thread is None
