"""The sections read as lines: « Mes droits et paiements », « Mes attestations », « Mes dernières
connexions ». Each waits for « Retour », so that its lines are read before the menu comes back."""

from __future__ import annotations

from functools import partial

from caf_tui.account_words import connection_text
from caf_tui.api.declarations import AttestationKind
from caf_tui.attestations import deliver
from caf_tui.i18n import _
from caf_tui.labels import euros
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice
from caf_tui.steps import sections, words


def back(ctx: Context) -> None:
    ctx.terminal.blank()
    ctx.prompter.choose(_("Pour revenir :"), [Choice("back", _(words.BACK))], _(help.BACK))


def payments(ctx: Context) -> None:
    answer = ctx.call(ctx.backend.payments)
    ctx.heading(_(words.RIGHTS_PAYMENTS_TITLE))
    ctx.say(
        _(words.CLAIMANT_NUMBER_LINE).format(n=answer.numero_allocataire),
        _(words.LAST_PAYMENTS_TITLE),
    )
    if not answer.payments:
        ctx.say(_(words.NO_RECENT_PAYMENT))
    for payment in answer.payments:
        ctx.say(
            _(words.PAYMENT_LINE).format(
                date=f"{payment.paid_on:%d/%m/%Y}",
                label=payment.label,
                amount=euros(payment.amount_cents),
            )
        )
    back(ctx)


def attestations(ctx: Context) -> None:
    """Each attestation saved into the download folder (or e-mailed, kiosk), until « Retour »."""
    answer = ctx.call(ctx.backend.attestations)
    ctx.heading(_(words.ATTESTATIONS_TITLE))
    ctx.say(_(words.ATTESTATIONS_INTRO))
    for item in answer.attestations:
        ctx.say(f"{item.title} : {item.description}")
    way = sections.EMAIL_IT if ctx.kiosk else sections.DOWNLOAD
    labels = [
        Choice(f"download-{item.kind}", _(way).format(title=item.title))
        for item in answer.attestations
    ]
    while True:
        ctx.terminal.blank()
        menu = [*labels, Choice("back", _(words.BACK))]
        choice = ctx.prompter.choose(_(words.WHAT_NOW), menu, _(help.BACK))
        if choice == len(labels):
            return
        kind = AttestationKind(answer.attestations[choice].kind)
        try:
            delivered = ctx.call(partial(deliver, ctx.backend, kind, kiosk=ctx.kiosk))
        except OSError as problem:  # a full disk, a read-only folder: said, not a crash
            ctx.say(_(sections.ATTESTATION_NOT_SAVED).format(reason=problem.strerror or problem))
            continue
        if delivered.path is not None:
            ctx.say(_(sections.ATTESTATION_SAVED).format(path=delivered.path))
        else:
            ctx.say(_(sections.ATTESTATION_EMAILED).format(email=delivered.emailed_to))


def connections(ctx: Context) -> None:
    answer = ctx.call(ctx.backend.connections)
    ctx.heading(_(words.LAST_CONNECTIONS_TITLE))
    ctx.say(_(words.UNKNOWN_CONNECTION_ADVICE))
    ctx.say(*(connection_text(connection) for connection in answer.connections))
    back(ctx)
