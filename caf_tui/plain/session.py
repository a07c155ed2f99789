"""The line mode's start: the terminal, the backend, the journey; then its loop (``loop``),
or the kiosk's (``kiosk``), until the person leaves."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

from caf_tui.backend import make_backend
from caf_tui.backend.base import Backend
from caf_tui.config import Settings
from caf_tui.i18n import _, set_language
from caf_tui.journey import Clock, Journey
from caf_tui.kiosk.idle import Monotonic
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.io import EndOfInput, Terminal
from caf_tui.plain.loop import leave, loop
from caf_tui.plain.prompts import Watch

EXIT_INPUT_ENDED = 1
EXIT_INTERRUPTED = 130


@contextlib.contextmanager
def ctrl_c_heard(interactive: bool) -> Iterator[None]:
    """Ctrl-C raises ``KeyboardInterrupt`` while a person types at a terminal, even when this
    process was started with SIGINT ignored (a background job of a shell script, a kiosk's
    launcher): Python then leaves it ignored, and the kiosk's staff exit, the person's
    « quitter » and the journey's logout on Ctrl-C were never heard. Set before the
    ``asyncio.Runner``, which only handles SIGINT when Python's own handler is in place."""
    if not interactive or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def run_plain(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    backend: Backend | None = None,
    clock: Clock | None = None,
    tick: float = 1.0,
    monotonic: Monotonic = time.monotonic,
    watch: Watch | None = None,
) -> int:
    """The line-by-line mode for screen readers and braille displays. Returns the exit status.

    ``backend`` defaults to the one the settings name; it is closed on the way out (its
    connections belong to this function's event loop). ``clock`` is the local clock the
    journey measures the server's against; ``tick`` how often (seconds) the code's validity is
    looked at; ``monotonic`` the kiosk's clock (its idle limits); ``watch`` is told each
    question, by id, before it is waited for (the replayer). They are for tests.
    """
    set_language(settings.lang)
    terminal = Terminal(
        sys.stdin if stdin is None else stdin, sys.stdout if stdout is None else stdout
    )
    with ctrl_c_heard(terminal.interactive), asyncio.Runner() as runner:
        portal = backend if backend is not None else make_backend(settings)

        def new_journey() -> Journey:
            return Journey(portal) if clock is None else Journey(portal, clock)

        ctx = Context(terminal, new_journey(), runner, tick=tick, watch=watch, kiosk=settings.kiosk)
        terminal.say(
            _("Caf - Mon Compte, mode ligne à ligne. Service : {service}.").format(
                service=portal.label
            )
        )
        terminal.say(_(help.KEYS))
        portal.warm_up()
        if settings.kiosk:
            from caf_tui.plain.kiosk import run_kiosk

            try:
                return run_kiosk(ctx, settings, new_journey, monotonic)
            finally:
                with contextlib.suppress(Exception):
                    runner.run(portal.aclose())
        try:
            return loop(ctx)
        except EndOfInput:
            terminal.say(_("Fin de la saisie."))
            leave(ctx)
            return EXIT_INPUT_ENDED
        except KeyboardInterrupt:
            terminal.blank()
            leave(ctx)
            return EXIT_INTERRUPTED
        finally:
            with contextlib.suppress(Exception):
                runner.run(portal.aclose())
