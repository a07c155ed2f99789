"""``--plain --kiosk``: the line mode on a shared counter terminal.

One person after another: a welcome line, then the journey. The visit is wiped (session ended
on the server, screen and scrollback cleared, welcome again) when the person quits or logs out,
after the idle limit (the warning is said once; any answer extends the visit) and at the
absolute limit of a visit. Ctrl-C and the end of input leave only with the staff PIN. The
clocks and the PIN's lock are the Textual kiosk's own (``IdleWatcher``, ``PinGuard``).
"""

from __future__ import annotations

import contextlib
from enum import Enum
from typing import TYPE_CHECKING

from caf_tui.config import Settings
from caf_tui.i18n import _
from caf_tui.journey import Journey
from caf_tui.kiosk.idle import IdleWatcher, Monotonic
from caf_tui.kiosk.pin import PinGuard, verify_pin
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.idle import IdleWaiter, VisitOver
from caf_tui.plain.io import EndOfInput
from caf_tui.plain.loop import loop
from caf_tui.plain.prompts import HELP_KEY, QUIT_KEYS, Asked, QuitRequested
from caf_tui.steps import words

if TYPE_CHECKING:
    from collections.abc import Callable

#: The ids of the kiosk's welcome button and PIN field on screen.
START_ID, PIN_ID = "begin", "pin"


class Leaving(Enum):
    EXIT = "exit"  # the staff PIN was right
    STAY = "stay"  # the visit goes on
    WIPE = "wipe"  # the visit ended while the PIN was asked


def welcome(ctx: Context) -> None:
    """What the next person hears; returns at their Entrée. ``q`` is for the staff."""
    ctx.heading(_(words.WELCOME_TITLE))
    ctx.say(
        _("Bienvenue sur Caf - Mon Compte."),
        _(words.SHARED_TERMINAL),
        _(help.KEYS),  # said again for each person: the screen was cleared
    )
    while True:
        answer = ctx.prompter.read(
            _("Appuyez sur Entrée pour commencer :"), Asked(enter=START_ID)
        ).strip()
        if answer == HELP_KEY:
            ctx.say(_(help.KIOSK))
        elif answer in QUIT_KEYS:
            raise QuitRequested
        else:
            return


def staff_exit(ctx: Context, settings: Settings, guard: PinGuard) -> Leaving:
    """« Sortie réservée au personnel »: only the right PIN leaves."""
    ctx.terminal.stop_waiting()
    ctx.heading(_(words.STAFF_EXIT_TITLE))
    if settings.kiosk_pin_hash is None:
        ctx.say(_(words.NO_STAFF_PIN))
        return Leaving.STAY
    locked = guard.locked_for()
    if locked:
        ctx.say(_(words.PIN_TOO_MANY_TRIES).format(s=locked))
        return Leaving.STAY
    try:
        pin = ctx.prompter.read(
            _("Code du personnel (Entrée pour reprendre) :"),
            Asked(id=PIN_ID, secret=True, required=False),
        )
    except VisitOver:
        return Leaving.WIPE
    except (EndOfInput, KeyboardInterrupt):
        pin = ""
        if not ctx.terminal.interactive:
            raise InputGone from None
    if pin and verify_pin(settings.kiosk_pin_hash.get_secret_value(), pin):
        guard.succeeded()
        return Leaving.EXIT
    if pin:
        guard.failed()
        ctx.say(_(words.PIN_WRONG))
    return Leaving.STAY


class InputGone(Exception):
    """Standard input is a file or pipe that has ended for good: nothing can be typed again."""


def wipe(ctx: Context, idle: IdleWatcher, new_journey: Callable[[], Journey]) -> None:
    """Nothing of the last person stays: not the session, not the screen, not the journey."""
    idle.stop()
    with contextlib.suppress(Exception):  # the server ends idle sessions on its own too
        ctx.runner.run(ctx.journey.logout())
    ctx.journey = new_journey()
    ctx.terminal.clear()


def run_kiosk(
    ctx: Context, settings: Settings, new_journey: Callable[[], Journey], clock: Monotonic
) -> int:
    """Visits one after another until the staff leave; returns the exit status."""
    idle = IdleWatcher(
        settings.kiosk_idle_seconds,
        settings.kiosk_warning_seconds,
        settings.kiosk_session_seconds,
        clock,
    )
    guard = PinGuard(clock)
    ctx.terminal.waiter = IdleWaiter(idle, ctx.terminal.announce, ctx.tick)
    while True:
        try:
            if not idle.running:
                welcome(ctx)
                idle.start()
            loop(ctx)  # the person quit or logged out
        except VisitOver:
            ctx.terminal.stop_waiting()
        except (EndOfInput, KeyboardInterrupt, QuitRequested):
            try:
                leaving = staff_exit(ctx, settings, guard)
            except InputGone:
                wipe(ctx, idle, new_journey)
                return 1
            if leaving is Leaving.EXIT:
                wipe(ctx, idle, new_journey)
                return 0
            if leaving is Leaving.STAY:
                continue
        wipe(ctx, idle, new_journey)
