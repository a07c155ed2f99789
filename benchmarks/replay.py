"""Replay at machine speed: Karim's journey replayed headless (``caf-tui replay``'s engine) as a
ratio to the same journey done straight over HTTP against the stub in the same run, and the
whole flow library through both front ends with 2 workers.

Written against ``caf_tui.replay.runner.replay_files`` (what ``caf-tui replay`` calls).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from pydantic import SecretStr

from benchmarks.common import ANSWERS, KARIM_NIR, KARIM_PASSWORD, Result
from caf_tui.api import IdentifierKind, StepName

TARGET_SECONDS = 1.0
TARGET_RATIO = 4.0
LIBRARY_TARGET_SECONDS = 30.0
LIBRARY_JOBS = 2
RUNS = 3
FLOWS = Path(__file__).resolve().parents[1] / "flows"
KARIM = FLOWS / "karim-sms.yaml"
REAL_HASHES = {"cheapest_hashes": False}
"""The ratio is measured with the portal's own argon2 cost on both sides (the journey over
HTTP is mostly those hashes); ``caf-tui replay``'s stub makes the cheapest ones, measured too."""


def _replay(paths: list[Path], jobs: int, plain: bool = False) -> tuple[float, int]:
    """Wall seconds, and how many flows passed."""
    from caf_tui.replay.runner import ReplayOptions, replay_files

    with tempfile.TemporaryDirectory() as report:
        options = ReplayOptions(report_dir=Path(report), plain=plain)
        started = time.perf_counter()
        results = replay_files(paths, options, jobs=jobs)
        seconds = time.perf_counter() - started
    return seconds, sum(r.passed for r in results)


async def _karim_over_http(url: str) -> float:
    """Karim's journey as the client's own calls, no front end: login to the dashboard."""
    from caf_tui.backend.http import HttpBackend

    backend = HttpBackend(url)
    try:
        started = time.perf_counter()
        answer = await backend.login(IdentifierKind.NIR, KARIM_NIR, SecretStr(KARIM_PASSWORD))
        step = answer.next
        while step.step != StepName.DASHBOARD:
            step = (await ANSWERS[step.step](step)(backend)).next
        await backend.dashboard()
        return time.perf_counter() - started
    finally:
        await backend.aclose()


def karim_over_http() -> float:
    """Against a fresh stub (its start not counted), as the replay gets one."""
    from caf_stub import serve_in_thread
    from caf_stub.testing import settings_for_tests

    stub = serve_in_thread(settings_for_tests(**REAL_HASHES))
    try:
        return asyncio.run(_karim_over_http(stub.url))
    finally:
        stub.stop()


def _karim_replayed(**stub_settings: bool) -> float | None:
    """The flow's seconds, its stub started before (as the journey over HTTP gets one); None
    when it failed."""
    from caf_tui.replay.runner import seconds_to_replay

    try:
        return seconds_to_replay(KARIM, **stub_settings)
    except RuntimeError:
        return None


def karim(runs: int = RUNS) -> Result:
    karim_over_http(), _karim_replayed(**REAL_HASHES)  # imports, bytecode: not the journey's
    over_http: list[float] = []
    replayed: list[float] = []
    cheap: list[float] = []
    failed = 0
    for _ in range(runs):
        over_http.append(karim_over_http())
        seconds = _karim_replayed(**REAL_HASHES)
        if seconds is None:
            failed += 1
        else:
            replayed.append(seconds)
        seconds = _karim_replayed()
        if seconds is None:
            failed += 1
        else:
            cheap.append(seconds)
    if not replayed or not cheap:
        return Result("Karim's headless replay", "every replay FAILED", "passes", False)
    replay_s, http_s = statistics.median(replayed), statistics.median(over_http)
    ratio = replay_s / http_s
    return Result(
        "Karim's headless replay (caf-tui replay karim-sms.yaml) vs the same journey over HTTP",
        f"{replay_s:.2f} s, {ratio:.1f}x ({http_s * 1000:.0f} ms over HTTP, medians of {runs}; "
        "each stub started before the clock runs, both with the portal's argon2 cost; on "
        f"caf-tui replay's own stub, cheapest hashes: {statistics.median(cheap):.2f} s)"
        + (f" ({failed} replays FAILED)" if failed else ""),
        f"≤ {TARGET_SECONDS} s and ≤ {TARGET_RATIO}x",
        not failed and replay_s <= TARGET_SECONDS and ratio <= TARGET_RATIO,
    )


def library() -> Result:
    paths = sorted(FLOWS.glob("*.yaml"))
    screens_s, screens_ok = _replay(paths, LIBRARY_JOBS)
    plain_s, plain_ok = _replay(paths, LIBRARY_JOBS, plain=True)
    total = screens_s + plain_s
    passed = screens_ok + plain_ok
    return Result(
        f"The flow library through both front ends, {LIBRARY_JOBS} workers",
        f"{total:.1f} s ({len(paths)} flows: screens {screens_s:.1f} s, line mode "
        f"{plain_s:.1f} s; {passed}/{2 * len(paths)} passed)",
        f"≤ {LIBRARY_TARGET_SECONDS:.0f} s",
        passed == 2 * len(paths) and total <= LIBRARY_TARGET_SECONDS,
    )


def measure() -> list[Result]:
    return [karim(), library()]


if __name__ == "__main__":
    for result in measure():
        print(result)
