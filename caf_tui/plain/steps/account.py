"""The dashboard, and a step this version does not offer yet (the account created and the
spouse's authorisation are asked by ``generic``)."""

from __future__ import annotations

from caf_tui.api import (
    DashboardResponse,
    DashboardStep,
    OtherStep,
    StepName,
)
from caf_tui.backend.errors import StepMismatch
from caf_tui.i18n import _
from caf_tui.labels import euros, role_label, section_title
from caf_tui.plain import help
from caf_tui.plain.context import Context, Finished
from caf_tui.plain.prompts import Choice
from caf_tui.plain.sections import dashboard_menu
from caf_tui.plain.steps.registry import handles
from caf_tui.steps import sections, words
from caf_tui.steps.account import DASHBOARD


def dashboard_lines(board: DashboardResponse) -> list[str]:
    person = board.person
    lines = [
        _(words.HELLO_PERSON).format(given=person.given_names, family=person.family_name),
        role_label(board.role),
    ]
    if board.numero_allocataire:
        lines.append(_(words.CLAIMANT_NUMBER_LINE).format(n=board.numero_allocataire))
    if board.address:
        lines.append(_("Adresse : {address}").format(address=board.address))
    lines.append(_(words.SECTIONS_TITLE))
    for access in board.sections:
        state = _("autorisé") if access.allowed else _("non autorisé")
        lines.append(f"{section_title(access.section)} : {state}")
    if board.payments:
        lines.append(_(words.LAST_PAYMENTS_TITLE))
        lines += [
            f"{payment.paid_on:%d/%m/%Y}, {payment.label} : {euros(payment.amount_cents)}"
            for payment in board.payments
        ]
    return lines + declarations_lines(board)


def declarations_lines(board: DashboardResponse) -> list[str]:
    if not board.declarations:
        return []
    return [_(sections.LAST_DECLARATIONS), *sections.declaration_lines(board.declarations)]


def log_out(ctx: Context) -> None:
    ctx.call(ctx.journey.logout)
    ctx.say(_("Déconnexion effectuée. À bientôt sur caf.fr."))
    raise Finished


@handles(StepName.DASHBOARD)
def dashboard(ctx: Context, step: DashboardStep) -> None:
    """The dashboard read once, then its menu until the person logs out (or ends every
    session from « Gérer Mon Compte »: the login comes next)."""
    ctx.heading(_(DASHBOARD.title), step.progress)
    try:
        board = ctx.call(ctx.backend.dashboard)
    except StepMismatch:
        ctx.call(ctx.journey.resume)
        return
    ctx.say(*dashboard_lines(board))
    ctx.terminal.blank()
    while True:
        if dashboard_menu(ctx, board):
            log_out(ctx)
        if ctx.journey.step.step != StepName.DASHBOARD:
            return
        ctx.heading(_(DASHBOARD.title), step.progress)
        board = ctx.call(ctx.backend.dashboard)  # what the section changed, and who may now
        ctx.say(*declarations_lines(board))


def other_step(ctx: Context, step: OtherStep) -> None:
    """A step the server asks for that this version does not offer yet."""
    ctx.heading(_(words.UNAVAILABLE_TITLE))
    ctx.say(
        _(
            "Cette étape n'est pas encore disponible dans caf-tui (« {step} »). Terminez-la sur "
            "caf.fr ou avec l'application Caf - Mon Compte, puis reconnectez-vous ici."
        ).format(step=step.step)
    )
    ctx.prompter.choose(
        _(words.WHAT_NOW), [Choice("logout", _(words.LOG_OUT))], _(help.UNAVAILABLE)
    )
    log_out(ctx)
