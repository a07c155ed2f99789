"""``python -m benchmarks.first_frame [caf-tui arguments]``: start caf-tui as ``caf-tui`` does
(its command line, its settings), headless, and at the first frame print one JSON line: the
seconds since the interpreter started and the modules loaded, then exit.

The first frame is Textual's ``Ready`` event: posted once the first screen is laid out and
painted. It is caught with Textual's message hook (the one ``run_test`` uses), so the app runs
unchanged; only ``App.run`` is told to be headless. ``--bare`` starts a bare Textual app instead,
the yardstick. Shared by ``benchmarks/startup.py`` and ``tests/unit/test_first_frame.py``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

#: The process's start, as near as Python lets us see it (the interpreter's own start is before).
STARTED = time.perf_counter()

SIZE = (80, 24)
#: Leave at the first frame without tearing down (a profiler sets it False to see its report).
EXIT_AT_ONCE = os.environ.get("FIRST_FRAME_TEARDOWN", "") != "1"
#: ``FIRST_FRAME_PROFILE=out.prof``: cProfile from here to the first frame, nothing after it
#: (``python -m pstats out.prof``).
PROFILE_TO = os.environ.get("FIRST_FRAME_PROFILE", "")
if PROFILE_TO:
    import cProfile

    PROFILER: cProfile.Profile | None = cProfile.Profile()
    PROFILER.enable()
else:
    PROFILER = None


def _report(screen: str) -> None:
    if PROFILER is not None:
        PROFILER.disable()
        PROFILER.dump_stats(PROFILE_TO)
    # Where ``-X importtime``'s lines (on stderr) stop being the first frame's.
    print("first frame", file=sys.stderr, flush=True)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - STARTED,
                "at": time.time(),  # the wall clock, for a parent that timed the spawn
                "cpu": time.process_time(),  # less blurred by the machine's load than the wall
                "screen": screen,
                "modules": sorted(sys.modules),
            }
        ),
        flush=True,
    )


def _headless_with_hook() -> None:
    """Every ``App.run`` of this process is headless, and exits at its first frame."""
    from textual import events
    from textual._context import active_app, message_hook
    from textual.app import App
    from textual.message import Message

    def at_first_frame(message: Message) -> None:
        if isinstance(message, events.Ready):
            app = active_app.get()
            _report(type(app.screen).__name__)
            if EXIT_AT_ONCE:
                os._exit(0)  # what comes after the frame is not measured: no teardown
            app.exit()

    run = App.run

    def headless_run(self: App[Any], **options: Any) -> Any:
        options.update(headless=True, size=SIZE)
        message_hook.set(at_first_frame)
        return run(self, **options)

    App.run = headless_run  # type: ignore[method-assign]


def bare() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("CONNEXION")

    _headless_with_hook()
    Bare().run()
    return 0


def caf(arguments: list[str]) -> int:
    _headless_with_hook()
    from caf_tui.cli import main

    # Not a terminal here (a pipe): without --no-plain the line mode would be chosen.
    return main(["--no-plain", *arguments])


if __name__ == "__main__":
    argv = sys.argv[1:]
    sys.exit(bare() if argv[:1] == ["--bare"] else caf(argv))
