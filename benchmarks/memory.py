"""Peak memory of the app with its embedded stub, through Karim's journey, in a subprocess."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from benchmarks.common import Result

TARGET_MIB = 100.0

CHILD = textwrap.dedent(
    """
    import asyncio, resource, sys
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
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


def measure() -> list[Result]:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(Path(tmp) / "stub.sqlite3")],
            capture_output=True,
            text=True,
            cwd=root,
            check=True,
        )
    mib = int(done.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux
    return [
        Result(
            "Peak memory, app + embedded stub, Karim's journey (ru_maxrss)",
            f"{mib:.1f} MiB",
            f"≤ {TARGET_MIB:.0f} MiB",
            mib <= TARGET_MIB,
        )
    ]
