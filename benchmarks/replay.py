"""Headless replay: Karim's journey alone (flows/karim-sms.yaml), then the whole flow library
with ``--jobs`` as many as the machine has CPUs, in flows per minute."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result

TARGET_SECONDS = 1.5
FLOWS = Path(__file__).resolve().parents[1] / "flows"
KARIM = FLOWS / "karim-sms.yaml"


def _replay(paths: list[Path], jobs: int) -> tuple[float, int, float]:
    """Wall seconds, flows passed, and the sum of each flow's own time."""
    from caf_tui.replay.runner import ReplayOptions, replay_files

    with tempfile.TemporaryDirectory() as report:
        started = time.perf_counter()
        results = replay_files(paths, ReplayOptions(report_dir=Path(report)), jobs=jobs)
        seconds = time.perf_counter() - started
    return seconds, sum(r.passed for r in results), sum(r.seconds for r in results)


def measure() -> list[Result]:
    seconds, passed, _ = _replay([KARIM], 1)
    karim = Result(
        "Headless replay of Karim's journey (caf-tui replay karim-sms.yaml)",
        f"{seconds:.2f} s" + ("" if passed else " (the flow FAILED)"),
        f"≤ {TARGET_SECONDS} s",
        bool(passed) and seconds <= TARGET_SECONDS,
    )
    library = sorted(FLOWS.glob("*.yaml"))
    jobs = os.cpu_count() or 1
    wall, passed, own = _replay(library, jobs)
    per_minute = len(library) / wall * 60
    return [
        karim,
        Result(
            f"Flow library replayed with --jobs {jobs}",
            f"{per_minute:.0f} flows/min ({len(library)} flows in {wall:.0f} s, "
            f"{passed} passed; the flows' own times add up to {own / wall:.1f}x the wall time)",
            "reported (no target)",
            passed == len(library),
        ),
    ]
