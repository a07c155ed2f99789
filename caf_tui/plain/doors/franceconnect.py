"""S'IDENTIFIER AVEC FRANCECONNECT: here, line by line (against the demo portal), or in a
browser while the line mode waits."""

from __future__ import annotations

from caf_tui import help_texts
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.doors.fc_browser import in_browser
from caf_tui.plain.doors.fc_terminal import in_terminal
from caf_tui.plain.prompts import Choice
from caf_tui.steps import words


def choice_help(demo: bool) -> str:
    text = help_texts.franceconnect_help()
    if demo:
        text += " " + _(
            "Démonstration : choisissez « Démonstration eIDAS faible », identifiant test, "
            "mot de passe 123."
        )
    return text


def franceconnect(ctx: Context) -> None:
    ctx.heading(_(words.FRANCECONNECT_SIGN_IN_TITLE))
    ctx.say(_(words.FRANCECONNECT_PITCH))
    # Started at once, as the screen does: the portal's answer says whether it is the demo.
    start = ctx.call(ctx.backend.start_franceconnect)
    # Only the demo provider answers the terminal; a real FranceConnect wants a browser.
    demo = ctx.backend.has_demo_outbox
    ways = [
        Choice("browser", _("Dans un navigateur (lien à ouvrir)")),
        Choice("back", _(words.BACK_TO_LOGIN)),
    ]
    if demo:
        ways.insert(0, Choice("terminal", _("Dans ce terminal (démonstration)")))
    choice = ctx.prompter.choose(_(words.FRANCECONNECT_WHERE), ways, choice_help(demo))
    if choice == len(ways) - 1:
        return
    if demo and choice == 0:
        in_terminal(ctx, start)
    else:
        in_browser(ctx, start)
