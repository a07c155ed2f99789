"""Messages dispatched from kept plans (``caf_tui.dispatch_plans``): for every node of a live
screen and every kind of message, the same handlers in the same order as Textual's own walk,
a prevented message stopped at the same place, and the walk done once per kind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import Button, Input, Static

from caf_tui import dispatch_plans
from caf_tui.replay import settle
from caf_tui.textual_words import AppInOurWords
from caf_tui.widgets.button import Button as OurButton


class Base(Static):
    def on_click(self, event: events.Click) -> None: ...

    @on(events.Click)
    def clicked_too(self, event: events.Click) -> None: ...


class Derived(Base):
    def _on_click(self, event: events.Click) -> None: ...

    @on(Button.Pressed, "#only")
    def only_pressed(self, event: Button.Pressed) -> None: ...

    @on(Button.Pressed)
    def any_pressed(self, event: Button.Pressed) -> None: ...

    @on(events.MouseEvent)
    def any_mouse_event(self, event: events.MouseEvent) -> None: ...

    @on(events.Click)
    def clicked_here(self, event: events.Click) -> None: ...


class Handlers(AppInOurWords[None]):
    def compose(self) -> ComposeResult:
        with Vertical():
            yield Derived("dérivé")
            yield Base("base")
            yield Button("Seul", id="only")
            yield OurButton("Autre", id="other")
            yield Input(id="field")

    @on(Button.Pressed, "#only")
    def only(self, event: Button.Pressed) -> None: ...

    def on_button_pressed(self, event: Button.Pressed) -> None: ...


def _messages(app: Handlers) -> Iterator[Message]:
    only, other = app.query_one("#only", Button), app.query_one("#other", Button)
    field = app.query_one("#field", Input)
    yield events.Idle()
    yield events.Mount()
    yield events.Key("enter", "\r")
    yield events.Click(None, 0, 0, 0, 0, 1, False, False, False)
    yield Button.Pressed(only).set_sender(only)
    yield Button.Pressed(other).set_sender(other)
    yield Input.Changed(field, "x").set_sender(field)


def _walk(
    walk: Callable[..., Iterator[tuple[type, Any]]],
    node: MessagePump,
    message: Message,
    prevent_after: int | None,
) -> list[tuple[type, Any]]:
    message._no_default_action = False
    found = []
    for number, (cls, method) in enumerate(walk(node, message.handler_name, message)):
        found.append((cls, method.__func__))
        if number == prevent_after:
            message.prevent_default()
    message._no_default_action = False
    return found


@pytest.mark.parametrize("prevent_after", [None, 0, 1])
async def test_the_same_handlers_as_textuals_walk(prevent_after: int | None) -> None:
    app = Handlers()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        nodes = [app, app.screen, *app.screen.walk_children()]
        compared = handled = 0
        for message in _messages(app):
            for node in nodes:
                theirs = _walk(dispatch_plans.TEXTUALS_OWN, node, message, prevent_after)
                ours = _walk(dispatch_plans._get_dispatch_methods, node, message, prevent_after)
                assert ours == theirs, (type(node).__name__, type(message).__name__)
                compared += 1
                handled += bool(theirs)
        assert compared == 7 * len(nodes)
        assert handled > len(nodes), "most nodes handle some of these messages"


async def test_the_walk_is_installed_and_done_once_per_kind() -> None:
    dispatch_plans.forget()
    app = Handlers()
    async with app.run_test() as pilot:
        assert MessagePump._get_dispatch_methods is dispatch_plans._get_dispatch_methods
        await settle.settle(pilot)
        kinds = set(dispatch_plans._PLANS)
        assert (Derived, events.Idle, "on_idle") in kinds
        await pilot.press("tab", "tab")
        await settle.settle(pilot)
        # More messages of the kinds already seen: no plan made again, none dropped.
        assert kinds <= set(dispatch_plans._PLANS)
        plan = dispatch_plans._PLANS[(Derived, events.Idle, "on_idle")]
        assert all(cls in Derived.__mro__ for cls, _decorated, _named in plan)
