"""« Mes attestations » as real PDF files (fpdf2), rendered from the household's file: the
holder's name, the numéro allocataire, the address, the date and, where they belong, amounts.

The situation attestation is open to every member with an account; the payment and quotient
familial ones show the file's money, so they need the right to consult rights and payments.
"""

from __future__ import annotations

from datetime import date

from fastapi import Response

from caf_stub.context import Context, StubContext
from caf_stub.errors import ApiError
from caf_stub.filings import paris
from caf_stub.journey import responsable_of
from caf_stub.messages import PHISHING_WARNING, SIGNATURE
from caf_stub.rights import open_to, refusal, rights_of
from caf_stub.sessions import Authed, Caller
from caf_stub.store import Account, Household, Store
from caf_tui.api import Channel, ErrorCode, Role
from caf_tui.api.declarations import AttestationKind, AttestationSent
from caf_tui.api.steps import SpouseRight

TITLES = {
    AttestationKind.SITUATION: "Attestation de situation",
    AttestationKind.PAIEMENT: "Attestation de paiement",
    AttestationKind.QUOTIENT_FAMILIAL: "Attestation de quotient familial",
}
NEEDS_FILE_RIGHT = frozenset({AttestationKind.PAIEMENT, AttestationKind.QUOTIENT_FAMILIAL})
DEMO_MONTHLY_INCOME_CENTS = 180000
"""The household's monthly income the demo's quotient familial assumes (the file has none)."""

_LATIN1 = str.maketrans({"’": "'", "—": "-", "–": "-", "€": "euros", "\u202f": " ", "œ": "oe"})


def _text(value: str) -> str:
    """fpdf2's core fonts speak Latin-1; the few signs beyond it get their plain spelling."""
    return value.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def _euros(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d} euros"


def filename(kind: AttestationKind, household: Household, today: date) -> str:
    return f"attestation-{kind.value.replace('_', '-')}-{household.numero_allocataire}-{today}.pdf"


def _body(store: Store, kind: AttestationKind, account: Account, household: Household) -> list[str]:
    holder = responsable_of(store, account) or account
    members = store.household_accounts(household.id)
    lines = [
        f"Allocataire : {holder.given_names} {holder.family_name}",
        f"Numéro allocataire : {household.numero_allocataire}",
        f"Adresse : {household.address}",
    ]
    if account.id != holder.id:
        lines.append(f"Établie à la demande de : {account.given_names} {account.family_name}")
    if kind is AttestationKind.SITUATION:
        situation = "en couple" if household.situation == "couple" else "personne seule"
        lines += [
            f"Situation familiale : {situation}",
            "Personnes rattachées au dossier : "
            + ", ".join(f"{m.given_names} {m.family_name}" for m in members),
        ]
    elif kind is AttestationKind.PAIEMENT:
        lines.append("Prestations versées :")
        lines += [
            f"  {p.paid_on:%d/%m/%Y}  {p.label} : {_euros(p.amount_cents)}"
            for p in store.payments(household.id)
        ] or ["  aucune prestation versée sur la période."]
    else:
        payments = store.payments(household.id)
        latest = payments[0].paid_on if payments else None
        monthly = sum(p.amount_cents for p in payments if p.paid_on == latest)
        parts = (2.0 if household.situation == "couple" else 1.0) + 0.5 * sum(
            1 for m in members if m.role is Role.MEMBER
        )
        quotient = round((DEMO_MONTHLY_INCOME_CENTS + monthly) / 100 / parts)
        lines += [
            f"Prestations du dernier mois : {_euros(monthly)}",
            f"Nombre de parts : {parts:g}".replace(".", ","),
            f"Quotient familial : {quotient} euros",
        ]
    return lines


def render(store: Store, kind: AttestationKind, account: Account, today: date) -> bytes:
    # Imported here: fpdf2 and its font tools are a second of every stub process's start,
    # spent only by the processes that render a PDF.
    from fpdf import FPDF

    household = store.household(account.household_id)
    assert household is not None
    pdf = FPDF()
    pdf.set_title(_text(TITLES[kind]))
    pdf.set_author(_text("Caisse d'Allocations familiales (démonstration caf-tui)"))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 10, _text(TITLES[kind]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 7, _text(f"Fait le {today:%d/%m/%Y}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in _body(store, kind, account, household):
        pdf.multi_cell(0, 7, _text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(
        0,
        5,
        _text(
            "Document produit par le service de démonstration caf-tui : il n'a aucune valeur "
            "administrative. " + SIGNATURE + "."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())


def _allowed(context: StubContext, caller: Caller, kind: AttestationKind) -> Account:
    account = open_to(context, caller)
    if kind in NEEDS_FILE_RIGHT and SpouseRight.CONSULT_RIGHTS_PAYMENTS not in rights_of(
        context.store, account
    ):
        context.store.audit("forbidden", account.id, context.clock.now(), f"attestation {kind}")
        raise refusal(context.store, account, SpouseRight.CONSULT_RIGHTS_PAYMENTS)
    return account


def pdf(context: Context, caller: Authed, kind: AttestationKind) -> Response:
    """The attestation ``kind`` for the caller, as a PDF file to download."""
    store = context.store
    today = paris(context.clock.now()).date()
    with store.transaction():
        account = _allowed(context, caller, kind)
        household = store.household(account.household_id)
        assert household is not None
        name, content = filename(kind, household, today), render(store, kind, account, today)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def send(context: Context, caller: Authed, kind: AttestationKind) -> AttestationSent:
    """The attestation to the caller's e-mail (the outbox): nothing is written on the kiosk."""
    store, now = context.store, context.clock.now()
    today = paris(now).date()
    with store.transaction():
        account = _allowed(context, caller, kind)
        if not account.email:
            raise ApiError(
                ErrorCode.CHANNEL_UNAVAILABLE,
                "Aucune adresse e-mail n'est enregistrée sur votre compte : ajoutez-en une dans "
                "« Mon profil », ou téléchargez l'attestation.",
            )
        household = store.household(account.household_id)
        assert household is not None
        name = filename(kind, household, today)
        size = len(render(store, kind, account, today))
        body = "\n\n".join(
            [
                "Bonjour,",
                f"Vous trouverez en pièce jointe votre {TITLES[kind].lower()}, établie le "
                f"{today:%d/%m/%Y} pour le dossier {household.numero_allocataire}.",
                f"Pièce jointe : {name} (PDF, {size} octets)",
                SIGNATURE,
                PHISHING_WARNING,
            ]
        )
        store.add_message(
            account.id, Channel.EMAIL, account.email, f"Votre {TITLES[kind].lower()}", body, now
        )
        store.audit("attestation_sent", account.id, now, kind.value)
        return AttestationSent(kind=kind, filename=name, emailed_to=account.email, sent_at=now)
