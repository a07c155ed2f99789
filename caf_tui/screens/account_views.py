"""« Mes droits et paiements » and « Mes attestations »: what the server lets this role see."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.i18n import N_, _
from caf_tui.labels import euros
from caf_tui.screens.section_base import SectionScreen
from caf_tui.widgets.bullets import Bullet


class PaymentsScreen(SectionScreen):
    HEADING = N_("MES DROITS ET PAIEMENTS")

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.payments()
        widgets: list[Widget] = [
            Static(_("Numéro allocataire : {n}").format(n=answer.numero_allocataire), id="numero"),
            Static(_("MES DERNIERS PAIEMENTS"), classes="section-title"),
        ]
        if not answer.payments:
            widgets.append(Static(_("Aucun paiement récent."), id="no-payment"))
        for payment in answer.payments:
            widgets.append(
                Bullet(
                    _("{date} : {label}, {amount}").format(
                        date=f"{payment.paid_on:%d/%m/%Y}",
                        label=payment.label,
                        amount=euros(payment.amount_cents),
                    ),
                    classes="payment",
                )
            )
        return widgets


class AttestationsScreen(SectionScreen):
    HEADING = N_("MES ATTESTATIONS")

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.attestations()
        widgets: list[Widget] = [
            Static(
                _(
                    "Les attestations que vous pouvez obtenir. Dans la démonstration, "
                    "aucun document n'est téléchargé."
                )
            )
        ]
        for item in answer.attestations:
            widgets.append(Static(item.title, classes="section-title", id=f"att-{item.kind}"))
            widgets.append(Static(item.description))
        return widgets
