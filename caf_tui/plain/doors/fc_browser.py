"""FranceConnect in a browser: the address to open, then the portal polled quietly until the
person is signed in, it fails, or they give up (Entrée or q)."""

from __future__ import annotations

from caf_tui import help_texts
from caf_tui.api import FranceConnectStart
from caf_tui.backend.errors import BackendError, BackendUnavailable, ServerError
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.doors.fc_session import back_to_login, signed_in
from caf_tui.plain.prompts import HELP_KEY, Asked
from caf_tui.plain.wording import spoken_duration
from caf_tui.steps import words

#: Entrée (or q) gives up, as the screen's « Annuler ».
WAITING = Asked(enter="cancel")


def waiting_help() -> str:
    return (
        _(
            "Ouvrez l'adresse affichée dans un navigateur, sur cet ordinateur ou sur votre "
            "téléphone, et connectez-vous avec FranceConnect : l'application le verra seule. "
            "Appuyez sur Entrée ou tapez q pour abandonner."
        )
        + " "
        + help_texts.franceconnect_help()
    )


def in_browser(ctx: Context, start: FranceConnectStart) -> None:
    ctx.heading(_(words.FRANCECONNECT_SIGN_IN_TITLE))
    ctx.say(
        _(
            "Ouvrez cette adresse dans un navigateur, ou sur votre téléphone, puis "
            "connectez-vous avec FranceConnect :"
        ),
        start.browser_url,
    )
    seconds = int((start.expires_at - start.server_time).total_seconds())
    ctx.say(_("Cette adresse est valable {duration}.").format(duration=spoken_duration(seconds)))
    ctx.say(_("En attente de votre connexion sur FranceConnect."))
    question = _("Appuyez sur Entrée ou tapez q pour abandonner (? pour l'aide) :")
    terminal = ctx.terminal
    ctx.prompter.tell(WAITING)
    terminal.prompt(question)
    while True:
        line = terminal.next_line(start.poll_interval_seconds)
        if line is not None:
            if line.strip() == HELP_KEY:
                ctx.say(waiting_help())
                ctx.prompter.tell(WAITING)
                terminal.prompt(question)
                continue
            ctx.say(_("Connexion avec FranceConnect abandonnée."))
            return
        try:
            if collect_quietly(ctx, start.flow_id):
                return
        except BackendError as error:
            terminal.stop_waiting()
            back_to_login(ctx, error)
            return


def collect_quietly(ctx: Context, flow_id: str) -> bool:
    """One poll; a network failure is tried again at the next one, without a word."""
    try:
        step = ctx.runner.run(ctx.journey.collect_franceconnect(flow_id))
    except (BackendUnavailable, ServerError):
        return False
    return signed_in(ctx, step)
