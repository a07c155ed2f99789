"""Time to the first painted login screen, as a ratio to a bare Textual app in the same run.

Each run is a fresh interpreter (imports count: they are most of a start), headless, timed from
just before the process is spawned to Textual's ``Ready`` event ("the first frame has been
displayed"). Runs alternate between the two apps; the medians are compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.common import Result

TARGET_RATIO = 1.25
RUNS = 7

BARE = textwrap.dedent(
    """
    import time
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("CONNEXION")

        def on_ready(self) -> None:
            print(time.time())
            self.exit()

    Bare().run(headless=True, size=(80, 24))
    """
)

CAF = textwrap.dedent(
    """
    import time
    from caf_tui.app import CafApp
    from caf_tui.config import Settings

    class Timed(CafApp):
        def on_ready(self) -> None:
            assert type(self.screen).__name__ == "LoginScreen", self.screen
            print(time.time())
            self.exit()

    Timed(Settings()).run(headless=True, size=(80, 24))
    """
)


def _once(code: str, env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return float(done.stdout.split()[-1]) - started


def measure(runs: int = RUNS) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "CAF_TUI_STUB_DB": str(Path(tmp) / "stub.sqlite3"),
            "CAF_TUI_REMEMBER": "0",
        }
        _once(BARE, env), _once(CAF, env)  # warm the file cache and the bytecode
        bare: list[float] = []
        caf: list[float] = []
        for _ in range(runs):
            bare.append(_once(BARE, env))
            caf.append(_once(CAF, env))
    ratio = statistics.median(caf) / statistics.median(bare)
    return [
        Result(
            "First painted login screen vs a bare Textual app",
            f"{ratio:.2f}x ({statistics.median(caf) * 1000:.0f} ms vs "
            f"{statistics.median(bare) * 1000:.0f} ms, medians of {runs})",
            f"≤ {TARGET_RATIO}x",
            ratio <= TARGET_RATIO,
        )
    ]
