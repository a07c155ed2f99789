"""The app on a bad network, driven with Pilot against the real stub: it says it is waiting,
stays responsive, keeps what was typed, and comes back to the same step after a lost session."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.backend.retry import RetryPolicy
from caf_tui.config import Settings
from caf_tui.screens.choose_password import ChoosePasswordScreen
from caf_tui.screens.confirm_contact import ConfirmContactScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.widgets.messages import StatusLine
from tests.tui.drive import log_in, screen_text
from tests.tui.migration import KARIM_NIR, NEW_PASSWORD, karim_to, press, type_keys

from .transports import BadNetwork

SIZE = (80, 24)
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02, attempt_timeout=5.0)
WAITING = "Envoi en cours"


def app_on(stub: RunningStub, network: BadNetwork) -> CafApp:
    backend = HttpBackend(stub.url, transport=network, retry=FAST)
    return CafApp(Settings(remember=False, cursor_blink=False), backend=backend)


@contextmanager
def loop_lag_probe(every: float = 0.005) -> Iterator[list[tuple[float, float]]]:
    """How long the event loop kept a task waiting that asked to sleep ``every`` seconds.

    Counted in the loop thread's CPU time, so that it measures the work that held the loop,
    not the other programs the machine runs meanwhile (wall-clock lags go to benchmarks/).
    """
    lags: list[tuple[float, float]] = []  # (when it woke, perf_counter; the lag)

    async def probe() -> None:
        while True:
            start = time.thread_time()
            await asyncio.sleep(every)
            lags.append((time.perf_counter(), time.thread_time() - start))

    task = asyncio.get_running_loop().create_task(probe())
    try:
        yield lags
    finally:
        task.cancel()


async def wait_for_screen(pilot: Pilot[None], kind: type[Screen[None]], timeout: float = 5) -> None:
    """Wait (without waiting on the worker, which the screen switch cancels) for a screen,
    composed and mounted: a test that left the app as soon as the screen was pushed closed it
    while it composed, and its mount handler found its fields gone (once in a CI run)."""
    deadline = time.monotonic() + timeout
    while not (isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted):
        assert time.monotonic() < deadline, f"still on {pilot.app.screen!r}"
        await pilot.pause(0.02)


async def test_waiting_is_shown_before_a_slow_request_leaves_and_the_loop_stays_free(
    stub: RunningStub,
) -> None:
    network = BadNetwork()
    app = app_on(stub, network)
    status_when_sent: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await type_keys(pilot, "#password", NEW_PASSWORD)
        await type_keys(pilot, "#confirmation", NEW_PASSWORD)
        network.latency = 0.6
        # Held until the screen is read: on a loaded machine, Pilot's pause outlasted 0.6 s.
        network.held = asyncio.Event()
        network.on_request.append(
            lambda request: status_when_sent.append(str(app.screen.query_one(StatusLine).render()))
        )
        # The collector of a worker that ran hundreds of tests paused the loop 0.3 s once:
        # not the request's doing, which is what is measured here.
        gc.disable()
        try:
            with loop_lag_probe() as lags:
                app.screen.query_one("#validate").focus()
                await pilot.press("enter")
                await pilot.pause()
                # The request is on its way: the screen already says so, in words.
                assert WAITING in screen_text(app)
                assert app.screen.query_one("#validate", Button).disabled
                deadline = time.monotonic() + 10
                while len(lags) <= 60:  # the loop goes on while the request waits
                    assert time.monotonic() < deadline, f"the probe woke {len(lags)} times"
                    await asyncio.sleep(0.01)
                network.held.set()
                await wait_for_screen(pilot, ConfirmContactScreen)
        finally:
            gc.enable()
    assert status_when_sent and WAITING in status_when_sent[0]
    # From the key press to the answer: the 0.6 s the person waits.
    during = [lag for woke, lag in lags if woke <= network.answered_at[-1]]
    assert len(during) > 50, "the probe did not run while the request was slow"
    assert max(during) < 0.050, f"event loop blocked {max(during) * 1000:.0f} ms"


async def test_retry_on_the_password_screen_keeps_both_fields(stub: RunningStub) -> None:
    network = BadNetwork()
    app = app_on(stub, network)
    async with app.run_test(size=SIZE) as pilot:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await type_keys(pilot, "#password", NEW_PASSWORD)
        await type_keys(pilot, "#confirmation", NEW_PASSWORD)
        network.refuse = FAST.attempts  # every try of this action fails
        await press(pilot, "#validate")
        screen = app.screen
        assert isinstance(screen, ChoosePasswordScreen)
        assert "injoignable" in screen_text(app)
        retry = screen.query_one("#retry", Button)
        assert retry.display
        assert screen.query_one("#password", Input).value == NEW_PASSWORD
        assert screen.query_one("#confirmation", Input).value == NEW_PASSWORD
        await press(pilot, "#retry")
        assert isinstance(app.screen, ConfirmContactScreen)
    sent = network.writes("/journey/choose_password")
    assert len(sent) == FAST.attempts + 1
    assert len({s.idempotency_key for s in sent}) == 1  # « Réessayer » is the same action


async def test_retry_on_the_contact_screen_keeps_the_new_phone(stub: RunningStub) -> None:
    network = BadNetwork()
    app = app_on(stub, network)
    async with app.run_test(size=SIZE) as pilot:
        await karim_to(pilot, StepName.CONFIRM_CONTACT)
        await press(pilot, "#edit")
        phone = app.screen.query_one("#phone", Input)
        phone.value = ""
        await type_keys(pilot, "#phone", "06 12 34 56 78")
        network.lose_answers = FAST.attempts  # saved on the server, never heard back
        await press(pilot, "#save")
        screen = app.screen
        assert isinstance(screen, ConfirmContactScreen)
        assert screen.query_one("#retry", Button).display
        assert screen.query_one("#phone", Input).value == "06 12 34 56 78"
        assert screen.query_one("#contact-edit").display
        await press(pilot, "#retry")
        assert isinstance(app.screen, ConfirmContactScreen)
        assert "06 12 34 56 78" in screen_text(app)
    karim = stub.context.store.account_by_nir("183059999901172")
    assert karim is not None and karim.phone is not None and karim.phone.endswith("612345678")


async def test_an_expired_session_comes_back_to_the_same_step(stub: RunningStub) -> None:
    network = BadNetwork()
    app = app_on(stub, network)
    async with app.run_test(size=SIZE) as pilot:
        await karim_to(pilot, StepName.CONFIRM_CONTACT)  # terms and password saved
        with httpx.Client(base_url=stub.url) as control:
            control.post("/_stub/clock", json={"advance_seconds": 31 * 60}).raise_for_status()
        await press(pilot, "#validate")  # « send the code » on a session idle for 31 minutes
        assert isinstance(app.screen, LoginScreen)
        assert "inactivité" in screen_text(app)
        # Who was logged in is offered again: only the password is asked.
        assert app.screen.query_one("#identifier", Input).value == KARIM_NIR
        assert app.focused is app.screen.query_one("#password")
        network.seen.clear()
        await log_in(pilot, KARIM_NIR, NEW_PASSWORD)
        assert isinstance(app.screen, ConfirmContactScreen)
        assert app.journey.step.step == StepName.CONFIRM_CONTACT
    paths = [s.path.removeprefix("/api/v1") for s in network.seen]
    assert paths == ["/auth/login"]  # nothing retyped, nothing sent again
    assert not stub.context.store.messages()  # the refused « send » sent nothing
