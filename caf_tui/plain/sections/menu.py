"""The dashboard's menu: « Se déconnecter » first (the same key for every role), then each
section, in the server's order. A section is read, then the dashboard again; one the role may
not use is offered too, marked « non autorisé », and says in the server's words who may."""

from __future__ import annotations

from collections.abc import Callable

from caf_tui.account_words import not_offered
from caf_tui.api import DashboardResponse, Section, SectionAccess
from caf_tui.backend.errors import Forbidden
from caf_tui.i18n import _
from caf_tui.labels import section_title
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice
from caf_tui.plain.sections.file_rights import declare_change, request_benefit
from caf_tui.plain.sections.manage import manage_account
from caf_tui.plain.sections.views import attestations, back, payments
from caf_tui.steps import words
from caf_tui.steps.account import DASHBOARD
from caf_tui.steps.sections import NOT_ALLOWED

#: The sections the line mode reads; the others are said to be on caf.fr, as on screen.
LINE_VIEWS: dict[Section, Callable[[Context], None]] = {
    Section.RIGHTS_PAYMENTS: payments,
    Section.DECLARE_CHANGE: declare_change,
    Section.REQUEST_BENEFIT: request_benefit,
    Section.ATTESTATIONS: attestations,
    Section.MANAGE_ACCOUNT: manage_account,
}


def menu_label(access: SectionAccess) -> str:
    label = section_title(access.section)
    return label if access.allowed else _(NOT_ALLOWED).format(section=label)


def dashboard_menu(ctx: Context, board: DashboardResponse) -> bool:
    """Ask what to do; True when the person chose to log out."""
    options = [
        Choice("logout", _(words.LOG_OUT)),
        *(
            Choice(f"section-{access.section.value}", menu_label(access))
            for access in board.sections
        ),
    ]
    choice = ctx.prompter.choose(_(words.WHAT_NOW), options, _(DASHBOARD.line_help))
    if choice == 0:
        return True
    section = board.sections[choice - 1].section
    view = LINE_VIEWS.get(section)
    if view is None:
        ctx.say(not_offered(section_title(section)))
        return False
    try:
        view(ctx)
    except Forbidden as refusal:  # the server decides, whatever the menu offered
        ctx.say(refusal.message)
        back(ctx)  # the section is open, with the server's words, as on screen
    return False
