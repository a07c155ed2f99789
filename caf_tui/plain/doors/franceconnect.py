"""S'IDENTIFIER AVEC FRANCECONNECT: here, line by line (against the demo portal), or in a
browser while the line mode waits."""

from __future__ import annotations

from caf_tui import help_texts
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.doors.fc_browser import in_browser
from caf_tui.plain.doors.fc_terminal import in_terminal


def choice_help(demo: bool) -> str:
    text = help_texts.franceconnect_help()
    if demo:
        text += " " + _(
            "Démonstration : choisissez « Démonstration eIDAS faible », identifiant test, "
            "mot de passe 123."
        )
    return text


def franceconnect(ctx: Context) -> None:
    ctx.heading(_("S'IDENTIFIER AVEC FRANCECONNECT"))
    ctx.say(
        _(
            "FranceConnect est la solution proposée par l'État pour sécuriser et "
            "simplifier la connexion à vos services en ligne."
        )
    )
    # Started at once, as the screen does: the portal's answer says whether it is the demo.
    start = ctx.call(ctx.backend.start_franceconnect)
    # Only the demo provider answers the terminal; a real FranceConnect wants a browser.
    demo = ctx.backend.has_demo_outbox
    ways = [_("Dans un navigateur (lien à ouvrir)"), _("Retour à la connexion")]
    if demo:
        ways.insert(0, _("Dans ce terminal (démonstration)"))
    choice = ctx.prompter.choose(_("Où voulez-vous vous connecter ?"), ways, choice_help(demo))
    if choice == len(ways) - 1:
        return
    if demo and choice == 0:
        in_terminal(ctx, start)
    else:
        in_browser(ctx, start)
