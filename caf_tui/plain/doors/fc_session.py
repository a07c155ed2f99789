"""What both FranceConnect paths end with: the session collected from the portal."""

from __future__ import annotations

from caf_tui.api import NextStep
from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.steps import words


def collect(ctx: Context, flow_id: str) -> bool:
    """Ask the portal once for the session; True once the person is signed in (the journey
    then holds the step it directs). Raises the refusals of ``poll_franceconnect``."""
    return signed_in(ctx, ctx.call(lambda: ctx.journey.collect_franceconnect(flow_id)))


def signed_in(ctx: Context, step: NextStep | None) -> bool:
    """True, the session taken (the journey holds its step), unless still pending."""
    if step is None:
        return False
    ctx.terminal.stop_waiting()
    ctx.say(_(words.LOGGED_IN))
    return True


def back_to_login(ctx: Context, error: BackendError) -> None:
    ctx.say(error.message)
    ctx.say(_("Retour à l'écran de connexion."))
