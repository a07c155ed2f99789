"""Headless replay of Karim's journey with ``caf-tui replay`` (flows/karim-sms.yaml)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Result

TARGET_SECONDS = 1.5
FLOW = Path(__file__).resolve().parents[1] / "flows" / "karim-sms.yaml"


def measure() -> list[Result]:
    from caf_tui.replay.runner import ReplayOptions, replay_files

    with tempfile.TemporaryDirectory() as report:
        started = time.perf_counter()
        results = replay_files([FLOW], ReplayOptions(report_dir=Path(report)))
        seconds = time.perf_counter() - started
    passed = all(r.passed for r in results)
    return [
        Result(
            "Headless replay of Karim's journey (caf-tui replay karim-sms.yaml)",
            f"{seconds:.2f} s" + ("" if passed else " (the flow FAILED)"),
            f"≤ {TARGET_SECONDS} s",
            passed and seconds <= TARGET_SECONDS,
        )
    ]
