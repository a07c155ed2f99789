"""What the app writes to the terminal: counted at Textual's driver, headless but rendering.

Textual's headless driver renders nothing; ``rendering_driver`` makes it render every frame
as a terminal would receive it, and counts the bytes and when they were written.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from textual.drivers.headless_driver import HeadlessDriver

from benchmarks.common import Result
from caf_stub import serve_in_thread
from caf_stub.testing import settings_for_tests
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings

TARGET_BYTES = 6 * 1024


@dataclass
class Written:
    chunks: list[tuple[float, int]] = field(default_factory=list)

    def since(self, moment: float) -> int:
        return sum(size for at, size in self.chunks if at >= moment)


@contextmanager
def rendering_driver(feed: Callable[[str], None] | None = None) -> Iterator[Written]:
    """``feed``: also given what is written (a terminal emulator's, in tests)."""
    written = Written()
    saved = HeadlessDriver.is_headless, HeadlessDriver.write

    def write(self: HeadlessDriver, data: str) -> None:
        written.chunks.append((time.perf_counter(), len(data.encode())))
        if feed is not None:
            feed(data)

    HeadlessDriver.is_headless = property(lambda self: False)  # type: ignore[assignment]
    HeadlessDriver.write = write  # type: ignore[method-assign]
    try:
        yield written
    finally:
        HeadlessDriver.is_headless, HeadlessDriver.write = saved  # type: ignore[method-assign]


async def measure(seconds: float = 60.0) -> list[Result]:
    from tests.tui.migration import karim_to

    stub = serve_in_thread(settings_for_tests())
    try:
        with rendering_driver() as written:
            # Default settings, as a person gets them (steady cursor unless CAF_TUI_CURSOR_BLINK=1).
            app = CafApp(Settings(remember=False), backend=HttpBackend(stub.url))
            async with app.run_test(size=(80, 24)) as pilot:
                await karim_to(pilot, StepName.VERIFY_CODE)
                await pilot.pause(1.0)
                start = time.perf_counter()
                await asyncio.sleep(seconds)
                count = written.since(start)
    finally:
        stub.stop()
    per_minute = count * 60 / seconds
    how = (
        "measured over 60 s"
        if seconds >= 60
        else f"{count} B in {seconds:.0f} s, × {60 / seconds:.0f}"
    )
    return [
        Result(
            "Terminal bytes, one minute of the code countdown (80x24)",
            f"{per_minute:.0f} B ({how})",
            f"≤ {TARGET_BYTES} B",
            per_minute <= TARGET_BYTES,
        )
    ]
