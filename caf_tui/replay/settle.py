"""Waiting for a Textual app on the events an action sets going, never for the CPU to go idle.

``Pilot.press`` and ``Pilot.pause`` wait for the process to be idle (twice per key, 40 ms at
least, far longer while a stub in the same process hashes a password). Here an action is
followed by one wait: until every message queued to the app and the screen's widgets is
handled, no worker is running, and the screen is laid out and painted once. The replay's
Textual driver and the Pilot tests share these functions.
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Iterable
from contextlib import nullcontext
from typing import Any

from textual import events
from textual._queue import Queue
from textual.app import App, ScreenStackError
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.message import Message
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button
from textual.worker import Worker, WorkerCancelled

#: How many paints ``settle`` makes at most for callbacks asked "after the refresh" in turn.
MOST_REFRESH_ROUNDS = 8


def _waiting(node: MessagePump) -> bool:
    """Parked in its loop on an empty queue (not composing, not in a handler), or closed."""
    if node._closed or node._closing:
        return True
    queue: Queue[Message | None] = node._message_queue
    waiters: Iterable[asyncio.Future[bool]] = queue.ready_event._waiters
    parked = any(not waiter.done() for waiter in waiters)
    return parked and queue.empty() and not node._next_callbacks


def _once_each_handled(nodes: list[MessagePump]) -> asyncio.Event | None:
    """An event set once each node has handled what is queued to it now (a callback sent
    to each); None when there is nothing to wait for."""
    handled = asyncio.Event()
    left = 0

    def one_handled() -> None:
        nonlocal left
        left -= 1
        if not left:
            handled.set()

    left = sum(node.call_later(one_handled) for node in nodes)
    return handled if left else None


def _nodes(app: App[Any]) -> list[MessagePump]:
    """The app and its screen's widgets; the app alone before its first screen is pushed."""
    try:
        screen = app.screen
    except ScreenStackError:
        return [app]
    return [app, *screen.walk_children(with_self=True)]


async def drained(app: App[Any]) -> None:
    """Every node of the app and its screen waiting for its next message, with nothing
    queued: as ``Pilot._wait_for_screen``, which sends every node a callback and waits for
    each, but only to the nodes still at work (a screen's 40 widgets are mostly idle, and
    each callback is two messages to handle)."""
    while True:
        busy = [node for node in _nodes(app) if not _waiting(node)]
        handled = _once_each_handled(busy)
        if handled is None:
            return
        waits = [asyncio.ensure_future(handled.wait())]
        waits.append(asyncio.ensure_future(app._exception_event.wait()))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
        if app._exception_event.is_set():
            return


def running(app: App[Any]) -> list[Worker[object]]:
    """The app's workers not finished yet."""
    return [worker for worker in app.workers if not worker.is_finished]


def queues_empty(app: App[Any]) -> bool:
    """No message waits in the queue of the app, its screen or any widget on it."""
    return all(node._message_queue.empty() for node in _nodes(app))


async def handled(pilot: Pilot[Any]) -> None:
    """Every message handled and every worker done, until nothing new is queued."""
    app = pilot.app
    while True:
        screen = app.screen
        await drained(app)
        busy = running(app)
        if busy:
            try:
                await app.workers.wait_for_complete(busy)
            except WorkerCancelled:
                # The caller's own timeout, or the app (a screen left, an exclusive worker
                # replaced): the first ends the wait, the second is the app's to decide.
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise asyncio.CancelledError from None
            continue
        if app.screen is screen and queues_empty(app):
            return


async def settle(pilot: Pilot[Any], *, batched: bool = True) -> None:
    """Until what the last action set going is over: every message handled (a new screen
    mounted and composed), no backend call running, then the screen laid out and painted
    once, and what that caused handled too. Paints once per action, not at every frame.

    ``batched=False`` lets the app refresh on its own on the way: Textual runs the callbacks
    a widget asks for "after the refresh" during a batch before any layout, so one that reads
    where a widget now is (the terminal cursor in a field scrolled into view) needs it."""
    app = pilot.app
    rounds = 0
    while True:
        with app.batch_update() if batched else nullcontext():
            await handled(pilot)
        screen = app.screen
        screen._on_timer_update()  # lays out and paints what the action changed, now
        await drained(app)
        rounds += 1
        # A callback asked for "after the refresh" by the last one (a scroll into view, then
        # the terminal cursor put where the field now is) waits for the next paint: one more
        # round runs it. Bounded: a widget may ask at every frame (a spinner).
        if (
            app.screen is screen
            and queues_empty(app)
            and not running(app)
            and (not screen._callbacks or rounds >= MOST_REFRESH_ROUNDS)
        ):
            return


def key_event(key: str) -> events.Key:
    """The key event ``Pilot.press`` would send for ``key`` ("enter", "shift+tab", "é")."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def post_keys(app: App[Any], *keys: str) -> None:
    """The keys queued to the app, in order, as the terminal driver delivers them; queued now,
    not by a task (``Driver.send_message``) that the next wait could run ahead of."""
    assert app._driver is not None, "the app is not running"
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)


async def press(pilot: Pilot[Any], *keys: str, batched: bool = True) -> None:
    """Each key pressed then settled: for keys whose effect the next one depends on (Tab,
    Enter), one settle per key, no idle wait."""
    for key in keys:
        post_keys(pilot.app, key)
        await settle(pilot, batched=batched)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """``text`` typed into the focused widget key by key, then one settle: the keys are
    handled in order by the widget, as a person's fast typing is."""
    post_keys(pilot.app, *text)
    await settle(pilot)


async def animated(pilot: Pilot[Any], *, batched: bool = True) -> None:
    """Every running and scheduled animation over (a scroll into view), then settled."""
    await drained(pilot.app)
    await pilot.app.animator.wait_until_complete()
    await settle(pilot, batched=batched)


def ready_to_press(widget: Widget | None) -> None:
    """A button's next press taken at once: Textual ignores a press while the last one's
    0.2 s "active" look lasts (a guard against a person's double press); a test's or a
    flow's presses are each meant, so none waits for a look to fade."""
    if isinstance(widget, Button):
        widget.active_effect_duration = 0
        widget.remove_class("-active")
