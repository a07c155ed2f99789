"""RuleChecklist and Countdown on their own, in a bare app."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from textual.app import App, ComposeResult

from caf_tui.api import PasswordPolicy
from caf_tui.labels import policy_lines
from caf_tui.replay import settle as settling
from caf_tui.widgets.countdown import Countdown, format_duration
from caf_tui.widgets.rule_checklist import RuleChecklist

POLICY = PasswordPolicy()


class Holder(App[None]):
    def __init__(self, widget: RuleChecklist | Countdown) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


def lines(checklist: RuleChecklist) -> list[str]:
    return str(checklist.render()).splitlines()


@pytest.mark.parametrize(
    ("password", "broken"),
    [
        ("Abc12", "8 à 24 caractères"),
        ("Abcdefgh", "1 chiffre"),
        ("ABCDEFG1", "1 lettre minuscule"),
        ("abcdefg1", "1 lettre majuscule"),
        ("Abcdefg1!", "chiffres et lettres uniquement"),
        ("Abcdéfg1", "chiffres et lettres uniquement"),
        ("Abcd efg1", "chiffres et lettres uniquement"),
        ("A" * 20 + "bcd1x", "8 à 24 caractères"),
    ],
)
async def test_each_rule_fails_on_its_own(password: str, broken: str) -> None:
    checklist = RuleChecklist(POLICY)
    async with Holder(checklist).run_test():
        checklist.update(password, password)
        shown = lines(checklist)
        assert shown[0] == "Votre mot de passe comporte :"
        failing = [line for line in shown[1:] if line.startswith("✗")]
        assert failing == [f"✗ {broken} (non respectée)"]
        assert len([line for line in shown if line.endswith("(respectée)")]) == 5


async def test_the_confirmation_is_a_rule_of_its_own() -> None:
    checklist = RuleChecklist(POLICY)
    async with Holder(checklist).run_test():
        checklist.update("Karim2024", "Karim202")
        assert lines(checklist)[1:] == [
            "✓ 8 à 24 caractères (respectée)",
            "✓ 1 chiffre (respectée)",
            "✓ 1 lettre minuscule (respectée)",
            "✓ 1 lettre majuscule (respectée)",
            "✓ chiffres et lettres uniquement (respectée)",
            "✗ les deux saisies sont identiques (non respectée)",
        ]
        checklist.update("Karim2024", "Karim2024")
        assert checklist.all_met


async def test_repaints_only_when_a_rule_flips(monkeypatch: pytest.MonkeyPatch) -> None:
    checklist = RuleChecklist(POLICY)
    async with Holder(checklist).run_test():
        repaints: list[None] = []
        original = checklist.refresh

        def counted(*args: object, **kwargs: object) -> RuleChecklist:
            repaints.append(None)
            return original()

        monkeypatch.setattr(checklist, "refresh", counted)
        checklist.update("a", "")  # lower case met: one repaint
        checklist.update("ab", "")  # nothing flips
        checklist.update("abc", "")
        assert len(repaints) == 1
        checklist.update("abc1", "")  # digit met
        assert len(repaints) == 2


async def test_the_rules_come_from_the_servers_policy() -> None:
    policy = PasswordPolicy(min_length=10, max_length=20, require_upper=False)
    checklist = RuleChecklist(policy)
    async with Holder(checklist).run_test():
        assert "✗ 10 à 20 caractères (non respectée)" in lines(checklist)
        assert not any("majuscule" in line for line in lines(checklist))
    assert policy_lines(policy)[:3] == [
        "une longueur comprise entre 10 et 20 caractères",
        "au moins 1 chiffre",
        "au moins 1 lettre minuscule",
    ]


def test_durations_read_in_minutes_and_seconds() -> None:
    assert format_duration(600) == "10 min 00 s"
    assert format_duration(599) == "9 min 59 s"
    assert format_duration(61) == "1 min 01 s"
    assert format_duration(45) == "45 s"


class Expiries(App[None]):
    def __init__(self, countdown: Countdown) -> None:
        super().__init__()
        self.countdown = countdown
        self.expired: list[Countdown] = []

    def compose(self) -> ComposeResult:
        yield self.countdown

    def on_countdown_expired(self, event: Countdown.Expired) -> None:
        self.expired.append(event.countdown)


async def test_countdown_reads_the_time_left_then_expires_once() -> None:
    start = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    now = [start]
    countdown = Countdown(start + timedelta(minutes=10), lambda: now[0])
    app = Expiries(countdown)
    async with app.run_test() as pilot:
        assert text(countdown) == "Code valable encore 10 min 00 s"
        for seconds, expected in [
            (0.4, "Code valable encore 10 min 00 s"),  # never shows less than is left
            (1, "Code valable encore 9 min 59 s"),
            (555, "Code valable encore 45 s"),
            (599.5, "Code valable encore 1 s"),
        ]:
            now[0] = start + timedelta(seconds=seconds)
            countdown.tick()
            assert text(countdown) == expected
        assert app.expired == []
        now[0] = start + timedelta(seconds=600)
        countdown.tick()
        countdown.tick()
        await settling.settle(pilot)
        assert text(countdown) == "Code expiré : demandez-en un nouveau."
        assert app.expired == [countdown]


async def test_countdown_ticks_by_itself_each_second(monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    now = [start]
    countdown = Countdown(start + timedelta(seconds=3), lambda: now[0])
    ticks: list[str] = []
    ticked = asyncio.Event()
    tick = countdown.tick

    def noted_tick() -> None:
        """The widget's own tick, noted: the test waits for the one its timer makes."""
        tick()
        ticks.append(text(countdown))
        ticked.set()

    monkeypatch.setattr(countdown, "tick", noted_tick)
    async with Expiries(countdown).run_test():
        assert ticks == ["Code valable encore 3 s"]  # on mount
        ticked.clear()
        now[0] = start + timedelta(seconds=2)
        await asyncio.wait_for(ticked.wait(), timeout=5)  # no one calls it but its timer
        assert text(countdown) == "Code valable encore 1 s"


def text(countdown: Countdown) -> str:
    return str(countdown.render())
