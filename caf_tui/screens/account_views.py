"""« Mes droits et paiements » and « Mes attestations »: what the server lets this role see."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.labels import euros
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import words
from caf_tui.widgets.bullets import Bullet


class PaymentsScreen(SectionScreen):
    HEADING = words.RIGHTS_PAYMENTS_TITLE

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.payments()
        widgets: list[Widget] = [
            Static(_(words.CLAIMANT_NUMBER_LINE).format(n=answer.numero_allocataire), id="numero"),
            Static(_(words.LAST_PAYMENTS_TITLE), classes="section-title"),
        ]
        if not answer.payments:
            widgets.append(Static(_(words.NO_RECENT_PAYMENT), id="no-payment"))
        for payment in answer.payments:
            widgets.append(
                Bullet(
                    _(words.PAYMENT_LINE).format(
                        date=f"{payment.paid_on:%d/%m/%Y}",
                        label=payment.label,
                        amount=euros(payment.amount_cents),
                    ),
                    classes="payment",
                )
            )
        return widgets


class AttestationsScreen(SectionScreen):
    HEADING = words.ATTESTATIONS_TITLE

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.attestations()
        widgets: list[Widget] = [Static(_(words.ATTESTATIONS_INTRO))]
        for item in answer.attestations:
            widgets.append(Static(item.title, classes="section-title", id=f"att-{item.kind}"))
            widgets.append(Static(item.description))
        return widgets
