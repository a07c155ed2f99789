"""« Mes droits et paiements » and « Mes attestations »: what the server lets this role see."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.api.declarations import AttestationKind
from caf_tui.attestations import deliver
from caf_tui.i18n import _
from caf_tui.labels import euros
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import sections, words
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError


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
        way = sections.EMAIL_IT if self.caf.settings.kiosk else sections.DOWNLOAD
        for item in answer.attestations:
            widgets.append(Static(item.title, classes="section-title", id=f"att-{item.kind}"))
            widgets.append(Static(item.description))
            label = _(way).format(title=item.title)
            widgets.append(Button(label, id=f"download-{item.kind}", classes="submit"))
            widgets.append(Static("", markup=False, id=f"delivered-{item.kind}"))
        return widgets

    def download(self, kind: AttestationKind) -> None:
        """Saved into the download folder, or in kiosk mode e-mailed: the screen says where."""
        kiosk = self.caf.settings.kiosk

        async def fetch() -> None:
            try:
                delivered = await deliver(self.caf.backend, kind, kiosk=kiosk)
            except OSError as problem:  # a full disk, a read-only folder: said, not a crash
                said = _(sections.ATTESTATION_NOT_SAVED).format(reason=problem.strerror or problem)
                self.query_one("#error-form", FieldError).show(said)
                return
            if delivered.path is not None:
                said = _(sections.ATTESTATION_SAVED).format(path=delivered.path)
            else:
                said = _(sections.ATTESTATION_EMAILED).format(email=delivered.emailed_to)
            self.query_one(f"#delivered-{kind.value}", Static).update(said)

        self.run_backend(fetch)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        wanted = (event.button.id or "").removeprefix("download-")
        if wanted in {kind.value for kind in AttestationKind}:
            self.download(AttestationKind(wanted))
