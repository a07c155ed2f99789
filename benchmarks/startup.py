"""Time to the first painted login, as a ratio to a bare Textual app in the same run.

Two ways, each a fresh interpreter per start (imports are most of a start), the two apps
alternating, medians compared:

- headless: ``caf-tui``'s own start (command line, settings, embedded stub) through
  ``benchmarks/first_frame.py``, timed from just before the spawn to Textual's ``Ready`` (the
  first frame);
- in tmux: ``python -m caf_tui`` in a real 80x24 pane, timed from the spawn until the login's
  words are on the pane (``tmux capture-pane`` every 10 ms), as a person would see them.

And where valgrind is installed, the same headless start counted in instructions (cachegrind,
``PYTHONHASHSEED=0``): the same count at every run, where the times above wander by a tenth on
this machine; a change's effect is read there, the verdict stays with the times.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from benchmarks import first_frame
from benchmarks.common import Result

TARGET_RATIO = 1.25
RUNS = 9
ROOT = Path(__file__).resolve().parents[1]
#: A word of the login's form (not of its header): on the pane once the whole frame is.
LOGIN_WORDS = "Se connecter"
BARE_WORDS = "CONNEXION"
PANE_TIMEOUT = 30.0
SAMPLE_SECONDS = 0.01
_SERVERS = count()

BARE = textwrap.dedent(
    f"""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static({BARE_WORDS!r})

    Bare().run()
    """
)


@contextmanager
def person_environment() -> Iterator[dict[str, str]]:
    """A person's environment in a fresh home (``first_frame.person_environment``). The warm-up
    start is their first: it compiles the catalog, caches its validated settings and, after its
    first frame, the parsed styles; the timed starts are a person's every later start."""
    with tempfile.TemporaryDirectory() as tmp:
        yield first_frame.person_environment(Path(tmp))


#: Seconds to the first frame, and the CPU seconds the app spent on it when known.
Start = tuple[float, float | None]


def headless_start(bare: bool, env: dict[str, str]) -> Start:
    started = time.time()
    command = [sys.executable, "-m", "benchmarks.first_frame", *(["--bare"] if bare else [])]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    report = json.loads(done.stdout.splitlines()[-1])
    if not bare:
        assert report["screen"] == "LoginScreen", report["screen"]
    return float(report["at"]) - started, float(report["cpu"])


def first_start(env: dict[str, str]) -> None:
    """A person's first start, lived past its first frame (what it keeps for the next ones)."""
    command = [sys.executable, "-m", "benchmarks.first_frame"]
    teardown = {**env, "FIRST_FRAME_TEARDOWN": "1"}
    subprocess.run(command, cwd=ROOT, capture_output=True, env=teardown, check=True)


def tmux_start(bare: bool, env: dict[str, str]) -> Start:
    """Seconds from spawning the app in a tmux pane to its words on the pane."""
    # A server of its own per start (a server's exit outlives kill-server), its socket in the
    # run's temporary home, which goes with it.
    socket = Path(env["XDG_STATE_HOME"]).parent / f"tmux-{next(_SERVERS)}"
    tmux = ["tmux", "-S", str(socket)]
    app = [sys.executable, "-c", BARE] if bare else [sys.executable, "-m", "caf_tui"]
    words = BARE_WORDS if bare else LOGIN_WORDS
    environment = [f"{k}={v}" for k, v in env.items() if k.startswith(("CAF_TUI_", "XDG_"))]
    started = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "80", "-y", "24", "env", *environment, *app],
        cwd=ROOT,
        env={**env, "TERM": "xterm-256color"},
        check=True,
    )
    try:
        while True:
            pane = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False
            ).stdout
            if words in pane:
                return time.perf_counter() - started, None
            if time.perf_counter() - started > PANE_TIMEOUT:
                raise TimeoutError(f"« {words} » not on the pane after {PANE_TIMEOUT} s")
            # A sampling period, not a wait for the app: back to back, the tmux clients took
            # one of the two cores from the very start being timed.
            time.sleep(SAMPLE_SECONDS)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)


def _ratio(
    name: str, start: Callable[[bool, dict[str, str]], Start], runs: int, env: dict[str, str]
) -> Result:
    start(True, env), start(False, env)  # warm the file cache, the bytecode
    bare: list[Start] = []
    caf: list[Start] = []
    for _ in range(runs):
        bare.append(start(True, env))
        caf.append(start(False, env))
    caf_wall = statistics.median(wall for wall, _cpu in caf)
    bare_wall = statistics.median(wall for wall, _cpu in bare)
    ratio = caf_wall / bare_wall
    note = ""
    caf_cpu = [cpu for _wall, cpu in caf if cpu is not None]
    bare_cpu = [cpu for _wall, cpu in bare if cpu is not None]
    if caf_cpu and bare_cpu:
        caf_c, bare_c = statistics.median(caf_cpu), statistics.median(bare_cpu)
        note = f"CPU seconds: {caf_c / bare_c:.2f}x ({caf_c * 1000:.0f} vs {bare_c * 1000:.0f} ms)"
    return Result(
        name,
        f"{ratio:.2f}x ({caf_wall * 1000:.0f} ms vs {bare_wall * 1000:.0f} ms, medians of {runs})",
        f"≤ {TARGET_RATIO}x",
        ratio <= TARGET_RATIO,
        note,
    )


def instructions(bare: bool, env: dict[str, str]) -> int:
    """Instructions from the interpreter's start to the first frame (cachegrind's ``I refs``)."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "benchmarks.first_frame",
        *(["--bare"] if bare else []),
    ]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env={**env, "PYTHONHASHSEED": "0"}
    )
    counted = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or counted is None:
        raise RuntimeError(f"cachegrind: {done.stderr[-500:]}")
    return int(counted.group(1).replace(",", ""))


def _instructions_ratio(env: dict[str, str]) -> Result:
    name = "First painted login vs a bare Textual app, headless, in instructions"
    if not shutil.which("valgrind"):
        return Result(name, "no valgrind here", f"≤ {TARGET_RATIO}x", False)
    bare, caf = instructions(True, env), instructions(False, env)
    ratio = caf / bare
    return Result(
        name,
        f"{ratio:.3f}x ({caf / 1e6:.1f} M vs {bare / 1e6:.1f} M, cachegrind)",
        f"≤ {TARGET_RATIO}x",
        ratio <= TARGET_RATIO,
        "the same at every run: where a change shows; the times above decide",
    )


def measure(runs: int = RUNS) -> list[Result]:
    with person_environment() as env:
        first_start(env)
        results = [
            _ratio("First painted login vs a bare Textual app, headless", headless_start, runs, env)
        ]
        if shutil.which("tmux"):
            results.append(
                _ratio("First painted login vs a bare Textual app, in tmux", tmux_start, runs, env)
            )
        else:
            results.append(
                Result(
                    "First painted login vs a bare Textual app, in tmux",
                    "no tmux here",
                    f"≤ {TARGET_RATIO}x",
                    False,
                )
            )
        results.append(_instructions_ratio(env))
    return results


if __name__ == "__main__":
    for result in measure():
        print(result)
