"""Peak memory of the app with its embedded stub, through Karim's journey, in a subprocess.

The peak is the child's VmHWM (/proc/self/status), not getrusage's ru_maxrss: Linux carries
ru_maxrss across fork and exec, so a child of a large parent (this runner, after the replay
benchmarks) reported the parent's size instead of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from benchmarks.common import Result

TARGET_MIB = 100.0

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from pydantic import SecretStr
    from caf_tui.api import IdentifierKind, StepName
    from caf_tui.app import CafApp
    from caf_tui.backend.embedded import EmbeddedBackend
    from caf_tui.config import Settings
    from caf_tui.rules import normalise_nir
    from benchmarks.common import ANSWERS, KARIM_NIR, KARIM_PASSWORD

    async def main() -> None:
        backend = EmbeddedBackend(sys.argv[1], fixed_code="123456")
        app = CafApp(Settings(remember=False), backend=backend)
        async with app.run_test(size=(80, 24)) as pilot:
            journey = app.journey
            await journey.login(IdentifierKind.NIR, normalise_nir(KARIM_NIR),
                                SecretStr(KARIM_PASSWORD))
            while journey.step.step != StepName.DASHBOARD:
                await journey.submit(ANSWERS[StepName(journey.step.step)](journey.step))
                await app.show_step(journey.step)
                await pilot.pause()
            await app.backend.dashboard()
            await pilot.pause()

    asyncio.run(main())
    with open("/proc/self/status") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
    """
)


def measure() -> list[Result]:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        # A cache of its own (another run's, or the tests', is not a person's), kept by a first
        # journey: the second is a person's every later start.
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        for start in range(2):
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(Path(tmp) / f"stub-{start}.sqlite3")],
                capture_output=True,
                text=True,
                cwd=root,
                env=env,
                check=True,
            )
    mib = int(done.stdout.split()[-1]) / 1024  # VmHWM is in kB
    return [
        Result(
            "Peak memory, app + embedded stub, Karim's journey (VmHWM)",
            f"{mib:.1f} MiB",
            f"≤ {TARGET_MIB:.0f} MiB",
            mib <= TARGET_MIB,
        )
    ]
