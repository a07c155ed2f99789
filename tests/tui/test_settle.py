"""The waits of the replay and the Pilot tests: an action is over when what it set going is,
including what it asked to run after the next paint (a scroll into view, then the terminal's
cursor put where the field now is)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Button

from caf_tui.replay import settle as settling


class AfterPaints(App[None]):
    """A press asks for a callback after the refresh, which asks for the next, and so on."""

    def __init__(self, depth: int) -> None:
        super().__init__()
        self.depth = depth
        self.ran: list[int] = []

    def compose(self) -> ComposeResult:
        yield Button("Valider", id="go")

    def on_button_pressed(self) -> None:
        self.screen.call_after_refresh(self.next_one)

    def next_one(self) -> None:
        self.ran.append(len(self.ran) + 1)
        self.screen.refresh(layout=True)  # each one changes what the next paint shows
        if len(self.ran) < self.depth:
            self.screen.call_after_refresh(self.next_one)


async def test_a_press_is_over_once_its_after_refresh_callbacks_have_run() -> None:
    app = AfterPaints(depth=4)
    async with app.run_test(size=(40, 8)) as pilot:
        await settling.settle(pilot)
        for batched in (True, False):
            app.ran.clear()
            settling.ready_to_press(app.focused)
            await settling.press(pilot, "enter", batched=batched)
            assert app.ran == [1, 2, 3, 4], batched
