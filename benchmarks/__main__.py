"""``python -m benchmarks [--quick]``: run every benchmark and print a Markdown table.

``--quick`` counts the terminal bytes over 10 s instead of a whole minute (times 6).
``python -m benchmarks load [--help]``: the stub under N testers (benchmarks/load.py), alone:
it takes minutes and starts stub processes of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
from collections.abc import Callable

from benchmarks import keystroke, memory, replay, startup, terminal, wire
from benchmarks.common import Result


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, load {load}"


def table(results: list[Result]) -> str:
    lines = ["| Measure | Result | Target | Met |", "|---|---|---|---|"]
    for r in results:
        measured = r.measured + (f" — {r.note}" if r.note else "")
        lines.append(f"| {r.name} | {measured} | {r.target} | {'yes' if r.ok else '**no**'} |")
    return "\n".join(lines)


def main() -> int:
    if sys.argv[1:2] == ["load"]:
        from benchmarks import load

        print(f"Machine: {machine()}")
        return load.main(sys.argv[2:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="terminal bytes over 10 s, not 60")
    args = parser.parse_args()
    steps: list[Callable[[], list[Result]]] = [
        startup.measure,
        lambda: asyncio.run(keystroke.measure()),
        lambda: asyncio.run(wire.measure()),
        lambda: asyncio.run(terminal.measure(10.0 if args.quick else 60.0)),
        replay.measure,
        memory.measure,
    ]
    results: list[Result] = []
    for step in steps:
        results += step()
        print(f"… {results[-1].name}: {results[-1].measured}", flush=True)
    print()
    print(f"Machine: {machine()}")
    print()
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
