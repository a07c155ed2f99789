"""What reaches the terminal while the code counts down and while a password is typed.

The app writes to a small model of a terminal (cursor moves and text; colours ignored): a
tick or a key must write only what changed, and the screen must still read right after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from textual.app import App, ComposeResult
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot
from textual.screen import Screen

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.widgets.countdown import Countdown, next_change_in, split_numbers
from caf_tui.widgets.password_field import PasswordInput
from caf_tui.widgets.rule_checklist import RuleChecklist
from tests.tui.migration import Clocks, karim_on, karim_to, running

_CONTROL = re.compile(r"\x1b\[(\d+);(\d+)H|\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\n")


class Terminal:
    """The characters a terminal shows after what the app wrote; each write kept apart."""

    def __init__(self, width: int, height: int) -> None:
        self.rows = [[" "] * width for _ in range(height)]
        self.writes: list[str] = []
        self.x = self.y = 0

    def feed(self, data: str) -> None:
        self.writes.append(data)
        at = 0
        for control in _CONTROL.finditer(data):
            self._text(data[at : control.start()])
            if control.group(1):
                self.y, self.x = int(control.group(1)) - 1, int(control.group(2)) - 1
            at = control.end()
        self._text(data[at:])

    def _text(self, text: str) -> None:
        for char in text:
            self.rows[self.y][self.x] = char
            self.x += 1

    def line(self, y: int) -> str:
        return "".join(self.rows[y]).rstrip()

    def text(self) -> str:
        return "\n".join(self.line(y) for y in range(len(self.rows)))

    def text_from(self, start: str) -> str:
        """The text of the first line with ``start``, from there up to a wide gap."""
        line = next(line for line in self.text().splitlines() if start in line)
        return re.split(r"\s{2,}", line[line.index(start) :])[0]

    def since(self, count: int) -> str:
        """The printable characters written since ``count`` writes."""
        return _CONTROL.sub("", "".join(self.writes[count:]))


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Terminal]:
    """Textual's headless driver, rendering every frame into a ``Terminal`` of 80x24."""
    screen = Terminal(80, 24)
    monkeypatch.setattr(HeadlessDriver, "is_headless", property(lambda self: False))
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: screen.feed(data))
    yield screen


# --- the countdown ------------------------------------------------------------------------


class Ticking(App[None]):
    def __init__(self, countdown: Countdown) -> None:
        super().__init__()
        self.countdown = countdown

    def compose(self) -> ComposeResult:
        yield self.countdown


def test_the_numbers_are_the_part_that_changes() -> None:
    assert split_numbers("Code valable encore 9 min 58 s") == (
        "Code valable encore ",
        "9 min 58",
        " s",
    )
    assert split_numbers("Vous pourrez demander un nouveau code dans 5 s") == (
        "Vous pourrez demander un nouveau code dans ",
        "5",
        " s",
    )
    assert split_numbers("Code expiré : demandez-en un nouveau.") == (
        "Code expiré : demandez-en un nouveau.",
        "",
        "",
    )


@pytest.mark.parametrize(
    ("left", "change_in"), [(600.0, 1.0), (599.25, 0.25), (2.5, 0.5), (0.75, 0.75)]
)
def test_the_tick_comes_as_the_shown_second_changes(left: float, change_in: float) -> None:
    assert next_change_in(left) == pytest.approx(change_in)


async def test_a_tick_writes_its_numbers_and_the_line_reads_right(terminal: Terminal) -> None:
    start = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    now = [start]
    countdown = Countdown(start + timedelta(minutes=10), lambda: now[0])
    async with Ticking(countdown).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert terminal.line(0) == "Code valable encore 10 min 00 s"
        for elapsed, shown in [
            (1, "Code valable encore 9 min 59 s"),  # narrower: the line is laid out again
            (2, "Code valable encore 9 min 58 s"),
            (539, "Code valable encore 1 min 01 s"),
            (541, "Code valable encore 59 s"),
            (591, "Code valable encore 9 s"),
            (600, "Code expiré : demandez-en un nouveau."),  # wider
        ]:
            now[0] = start + timedelta(seconds=elapsed)
            countdown.tick()
            await pilot.pause()
            assert terminal.line(0) == shown, elapsed
        now[0] = start + timedelta(seconds=2)  # a new code: counting again
        countdown.expired = False
        countdown.tick()
        await pilot.pause()
        assert terminal.line(0) == "Code valable encore 9 min 58 s"
        before = len(terminal.writes)
        now[0] = start + timedelta(seconds=3)
        countdown.tick()
        await pilot.pause()
        assert terminal.line(0) == "Code valable encore 9 min 57 s"
        assert terminal.since(before) == "9 min 57"  # not the sentence, not the blank after


async def test_the_code_screens_countdowns_repaint_their_numbers(
    stub: RunningStub, terminal: Terminal
) -> None:
    clocks = Clocks(stub)
    async with karim_on(stub, StepName.VERIFY_CODE, clocks=clocks) as (app, _, pilot):
        countdowns = list(app.screen.query(Countdown).results(Countdown))
        assert "Code valable encore 10 min 00 s" in terminal.text()
        assert "Vous pourrez demander un nouveau code dans 1 min 00 s" in terminal.text()
        for seconds, code, resend in [
            (
                1,
                "Code valable encore 9 min 59 s",
                "Vous pourrez demander un nouveau code dans 59 s",
            ),
            (
                50,
                "Code valable encore 9 min 09 s",
                "Vous pourrez demander un nouveau code dans 9 s",
            ),
            (10, "Code valable encore 8 min 59 s", "Vous pouvez demander un nouveau code."),
        ]:
            clocks.advance(seconds)
            for countdown in countdowns:
                countdown.tick()
            await pilot.pause()
            # Whole lines: nothing left of a longer text that was there before.
            assert terminal.text_from("Code valable") == code
            assert terminal.text_from("Vous p") == resend
        before = len(terminal.writes)
        clocks.advance(1)
        for countdown in countdowns:
            countdown.tick()
        await pilot.pause()
        assert "Code valable encore 8 min 58 s" in terminal.text()
        assert terminal.since(before) == "8 min 58"


# --- the password checklist ---------------------------------------------------------------


def layouts_of(screen: Screen[object]) -> list[Screen[object]]:
    """Each layout of ``screen`` from now on (Textual signals every one)."""
    seen: list[Screen[object]] = []
    screen.screen_layout_refresh_signal.subscribe(screen, seen.append)
    return seen


async def to_choose_password(pilot: Pilot[None]) -> RuleChecklist:
    await karim_to(pilot, StepName.CHOOSE_PASSWORD)
    pilot.app.screen.query_one("#password").focus()
    await settling.settle(pilot)
    return pilot.app.screen.query_one(RuleChecklist)


async def test_a_key_repaints_the_field_and_the_flipped_rule_in_one_frame(
    stub: RunningStub, terminal: Terminal
) -> None:
    async with running(stub) as (app, _, pilot):
        await to_choose_password(pilot)
        await settling.press(pilot, "K")
        assert "✓ 1 lettre majuscule (respectée)" in terminal.text()
        layouts = layouts_of(app.screen)
        before = len(terminal.writes)
        await settling.press(pilot, "a")
        frames = [w for w in terminal.writes[before:] if "•" in w]
        assert len(frames) == 1 and "✓ 1 lettre minuscule (respectée)" in frames[0]
        assert "1 chiffre" not in frames[0]  # a rule that did not flip is not repainted
        await settling.press(pilot, *"rim2024")
        assert "✓ 8 à 24 caractères (respectée)" in terminal.text()
        assert "✓ 1 chiffre (respectée)" in terminal.text()
        assert layouts == []  # typing never lays out the whole screen


async def test_a_password_longer_than_the_field_scrolls_within_it(
    stub: RunningStub, terminal: Terminal
) -> None:
    async with running(stub) as (app, _, pilot):
        await to_choose_password(pilot)
        field = app.screen.query_one("#password", PasswordInput)
        field.password = False  # as « Afficher » does, to read it
        typed = "Abcdefgh12" * 4 + "Wxyz9"
        await settling.press(pilot, *typed, batched=False)  # each key painted as it comes
        assert field.value == typed
        # Wider than the field: its end shows only if the field scrolled as it was typed.
        assert typed not in terminal.text() and "Wxyz9" in terminal.text()
        assert "✗ 8 à 24 caractères (non respectée)" in terminal.text()


async def test_a_rule_that_wraps_grows_its_line_on_a_narrow_terminal(
    stub: RunningStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = Terminal(51, 40)
    monkeypatch.setattr(HeadlessDriver, "is_headless", property(lambda self: False))
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: screen.feed(data))
    async with running(stub, size=(51, 40)) as (_app, _, pilot):
        checklist = await to_choose_password(pilot)
        await settling.press(pilot, *"Karim2024", "enter", *"Karim2024", batched=False)
        assert checklist.all_met
        one_line = checklist.size.height
        await settling.press(
            pilot, "x", batched=False
        )  # no longer the same: « (non respectée) » wraps
        assert checklist.size.height == one_line + 1
        shown = " ".join(screen.text().split())
        assert "✗ les deux saisies sont identiques (non respectée)" in shown
