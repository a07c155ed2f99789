"""``python -m benchmarks.first_frame [caf-tui arguments]``: start caf-tui as ``caf-tui`` does
(its command line, its settings), headless, and at the first frame print one JSON line: the
seconds since the interpreter started and the modules loaded, then exit.

The first frame is Textual's ``Ready`` event: posted once the first screen is laid out and
painted. It is caught with Textual's message hook (the one ``run_test`` uses), so the app runs
unchanged; only ``App.run`` is told to be headless. ``--bare`` starts a bare Textual app instead,
the yardstick. Shared by ``benchmarks/startup.py`` and ``tests/unit/test_first_frame.py``.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

#: The process's start, as near as Python lets us see it (the interpreter's own start is before).
STARTED = time.perf_counter()

SIZE = (80, 24)
#: Leave at the first frame without tearing down; ``FIRST_FRAME_TEARDOWN=1``: run what comes
#: after the frame, then tear down (a profiler's report, a first start's caches).
EXIT_AT_ONCE = os.environ.get("FIRST_FRAME_TEARDOWN", "") != "1"
#: ``FIRST_FRAME_PROFILE=out.prof``: cProfile from here to the first frame, nothing after it
#: (``python -m pstats out.prof``).
PROFILE_TO = os.environ.get("FIRST_FRAME_PROFILE", "") if __name__ == "__main__" else ""
if PROFILE_TO:
    import cProfile

    PROFILER: cProfile.Profile | None = cProfile.Profile()
    PROFILER.enable()
else:
    PROFILER = None


def person_environment(home: Path) -> dict[str, str]:
    """This process's environment for a person whose home is ``home``: no config file, caf-tui's
    stub database and cache of its own, and the bytecode written as an installed package has it
    (a session's PYTHONDONTWRITEBYTECODE had every start compile caf-tui's modules anew)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("CAF_TUI_") and name != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        CAF_TUI_CONFIG=str(home / "absent.toml"),
        CAF_TUI_STUB_DB=str(home / "stub.sqlite3"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


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
                "collecting": gc.isenabled(),
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
            # Once the app's own work after its first frame is done (it is called after the
            # next refresh too): a first start keeps what later starts read back.
            app.call_after_refresh(app.call_after_refresh, app.exit)

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

    # Not a terminal here (a pipe): the line mode would be chosen. Said by its variable, not
    # by --no-plain: a person's ``caf-tui`` has no argument, and reads none (no parser built).
    os.environ["CAF_TUI_PLAIN"] = "0"
    return main(arguments)


if __name__ == "__main__":
    argv = sys.argv[1:]
    sys.exit(bare() if argv[:1] == ["--bare"] else caf(argv))
