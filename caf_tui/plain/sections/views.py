"""The sections read as lines: « Mes droits et paiements », « Mes attestations », « Mes dernières
connexions ». Each waits for « Retour », so that its lines are read before the menu comes back."""

from __future__ import annotations

from caf_tui.account_words import connection_text
from caf_tui.i18n import _
from caf_tui.labels import euros
from caf_tui.plain import help
from caf_tui.plain.context import Context


def back(ctx: Context) -> None:
    ctx.terminal.blank()
    ctx.prompter.choose(_("Pour revenir :"), [_("Retour")], help.back_help())


def payments(ctx: Context) -> None:
    answer = ctx.call(ctx.backend.payments)
    ctx.heading(_("MES DROITS ET PAIEMENTS"))
    ctx.say(
        _("Numéro allocataire : {n}").format(n=answer.numero_allocataire),
        _("MES DERNIERS PAIEMENTS"),
    )
    if not answer.payments:
        ctx.say(_("Aucun paiement récent."))
    for payment in answer.payments:
        ctx.say(
            _("{date} : {label}, {amount}").format(
                date=f"{payment.paid_on:%d/%m/%Y}",
                label=payment.label,
                amount=euros(payment.amount_cents),
            )
        )
    back(ctx)


def attestations(ctx: Context) -> None:
    answer = ctx.call(ctx.backend.attestations)
    ctx.heading(_("MES ATTESTATIONS"))
    ctx.say(
        _(
            "Les attestations que vous pouvez obtenir. Dans la démonstration, "
            "aucun document n'est téléchargé."
        )
    )
    for item in answer.attestations:
        ctx.say(f"{item.title} : {item.description}")
    back(ctx)


def connections(ctx: Context) -> None:
    answer = ctx.call(ctx.backend.connections)
    ctx.heading(_("MES DERNIÈRES CONNEXIONS"))
    ctx.say(
        _(
            "Si vous ne reconnaissez pas une connexion, changez votre mot de passe "
            "puis choisissez « Me déconnecter de partout »."
        )
    )
    ctx.say(*(connection_text(connection) for connection in answer.connections))
    back(ctx)
