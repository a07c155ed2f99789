"""The footer shows the keys that work now, and is rebuilt only when they change: moving the
focus between fields that share the same keys redraws nothing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from caf_tui.replay import settle as settling
from caf_tui.widgets.footer import KeysFooter


class CountingFooter(KeysFooter):
    built = 0

    def compose(self) -> ComposeResult:
        CountingFooter.built += 1
        yield from super().compose()


class Form(App[None]):
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "help", "Aide")]
    help_enabled = True  # None from check_action: shown, but dimmed

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield CountingFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "help" and not self.help_enabled else True

    def action_help(self) -> None:
        """The key only has to exist."""


def help_key(app: Form) -> FooterKey:
    keys = [key for key in app.screen.query(FooterKey) if key.key == "f1"]
    assert len(keys) == 1
    return keys[0]


async def test_tab_between_fields_keeps_the_footer() -> None:
    app = Form()
    async with app.run_test() as pilot:
        await settling.settle(pilot, batched=False)
        built = CountingFooter.built
        assert not help_key(app).has_class("-disabled")
        for _ in range(6):
            await settling.press(pilot, "tab")
            await settling.settle(pilot, batched=False)
        assert CountingFooter.built == built


async def test_a_key_that_stops_working_is_redrawn() -> None:
    app = Form()
    async with app.run_test() as pilot:
        await settling.settle(pilot, batched=False)
        built = CountingFooter.built
        app.help_enabled = False
        app.refresh_bindings()
        await settling.settle(pilot, batched=False)
        assert CountingFooter.built == built + 1
        assert help_key(app).has_class("-disabled")
