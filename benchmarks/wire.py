"""Bytes on the wire and requests for Karim TADJ's whole journey, driven on the screens.

Counted at the client's transport: request lines, headers and bodies, both ways.
"""

from __future__ import annotations

from benchmarks.common import KARIM_NIR, KARIM_PASSWORD, CountingTransport, Result
from caf_stub import serve_in_thread
from caf_stub.testing import settings_for_tests
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings

TARGET_BYTES = 16 * 1024


async def karim_journey(app: CafApp) -> int:
    """Karim from the login screen to his dashboard on the screens; returns his actions."""
    from tests.tui.drive import log_in
    from tests.tui.migration import ORDER, answer_on_screen, press

    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, KARIM_NIR, KARIM_PASSWORD)
        actions = 1
        for step in ORDER[:-1]:
            assert app.journey.step.step == step, (app.journey.step.step, step)
            if step is StepName.SPOUSE_AUTHORISATION:
                app.screen.query_one("#decision").focus()
                await pilot.press("enter")
                await press(pilot, "#continue")
            else:
                await answer_on_screen(pilot, step)
            actions += 1
        assert app.journey.step.step == StepName.DASHBOARD
    return actions


async def measure() -> list[Result]:
    stub = serve_in_thread(settings_for_tests())
    counter = CountingTransport()
    try:
        backend = HttpBackend(stub.url, transport=counter)
        app = CafApp(Settings(remember=False, cursor_blink=False), backend=backend)
        actions = await karim_journey(app)
    finally:
        stub.stop()
    total = counter.sent + counter.received
    # The dashboard's own GET is the « action » of arriving there.
    return [
        Result(
            "Bytes on the wire, Karim's whole journey",
            f"{total} B ({counter.sent} sent, {counter.received} received)",
            f"≤ {TARGET_BYTES} B",
            total <= TARGET_BYTES,
        ),
        Result(
            "Requests for the journey",
            f"{counter.requests} for {actions} actions + the dashboard",
            "one per action",
            counter.requests <= actions + 1,
            ", ".join(p.removeprefix("/api/v1") for p in counter.paths),
        ),
    ]
