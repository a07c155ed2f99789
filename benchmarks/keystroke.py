"""Keystroke to updated password checklist: from the key event to the frame that shows it.

The app renders as to a terminal (``terminal.rendering_driver``); for each key typed in the
new password field, the time from sending the key to the first frame written after the
checklist took the new value.

Between keys the benchmark only sleeps (``asyncio``), as a terminal would leave the app alone:
``pilot.pause`` queues a callback on every widget of the screen and forces a repaint each
time it is called, which in a polling loop competed with the very key being measured.
"""

from __future__ import annotations

import asyncio
import time

from textual import events

from benchmarks.common import Result, p95
from benchmarks.terminal import rendering_driver
from caf_stub import serve_in_thread
from caf_stub.testing import settings_for_tests
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.widgets.rule_checklist import RuleChecklist

TARGET_MS = 16.0
TYPED = "Karim2024Karim2024xy"
BETWEEN_KEYS = 0.1  # a fast typist; every frame of a key is written well before the next


async def measure() -> list[Result]:
    from tests.tui.migration import karim_to

    stub = serve_in_thread(settings_for_tests())
    latencies: list[float] = []
    try:
        with rendering_driver() as written:
            app = CafApp(
                Settings(remember=False, cursor_blink=False), backend=HttpBackend(stub.url)
            )
            async with app.run_test(size=(80, 24)) as pilot:
                await karim_to(pilot, StepName.CHOOSE_PASSWORD)
                screen = app.screen
                checklist = screen.query_one(RuleChecklist)
                updated: list[float] = []
                original = checklist.update

                def timed_update(*args: object, **kwargs: object) -> None:
                    original(*args, **kwargs)  # type: ignore[arg-type]
                    updated.append(time.perf_counter())

                checklist.update = timed_update  # type: ignore[method-assign]
                screen.query_one("#password").focus()
                await pilot.pause(0.3)
                driver = app._driver
                assert driver is not None
                for char in TYPED:
                    updated.clear()
                    sent = time.perf_counter()
                    driver.send_message(events.Key(char, char))
                    await asyncio.sleep(BETWEEN_KEYS)
                    assert updated, f"the checklist never saw {char!r}"
                    # No frame after the update: nothing flipped, the checklist was right.
                    frames = [at for at, _ in written.chunks if at >= updated[0]]
                    latencies.append(((min(frames) if frames else updated[0]) - sent) * 1000)
    finally:
        stub.stop()
    worst = p95(latencies)
    return [
        Result(
            "Keystroke to painted password checklist, p95",
            f"{worst:.1f} ms (median {sorted(latencies)[len(latencies) // 2]:.1f} ms, "
            f"{len(latencies)} keys)",
            f"≤ {TARGET_MS:.0f} ms",
            worst <= TARGET_MS,
        )
    ]
