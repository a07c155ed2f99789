"""Draw the README's screenshot of the login screen (docs/login.svg) against a fresh stub."""

from __future__ import annotations

import asyncio
from pathlib import Path

from caf_stub.server import serve_in_thread
from caf_stub.testing import settings_for_tests
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "login.svg"


async def draw() -> None:
    stub = serve_in_thread(settings_for_tests())
    try:
        app = CafApp(Settings(remember=False, cursor_blink=False), backend=HttpBackend(stub.url))
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.pause()
            OUTPUT.parent.mkdir(exist_ok=True)
            app.save_screenshot(filename=OUTPUT.name, path=str(OUTPUT.parent))
    finally:
        stub.stop()


if __name__ == "__main__":
    asyncio.run(draw())
