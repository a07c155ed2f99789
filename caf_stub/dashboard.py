"""The « Mon Compte » home: what each role may open, and the payments when allowed."""

from __future__ import annotations

from caf_stub import benefits, declarations
from caf_stub.context import Context
from caf_stub.filings import BENEFIT_REQUEST, DECLARATION, RECENT
from caf_stub.rights import SECTION_RIGHT, open_to, rights_of
from caf_stub.sessions import Authed
from caf_stub.store import Account, Store
from caf_tui.api import DashboardResponse, Person, Section, SectionAccess

FILE_SECTIONS = (Section.RIGHTS_PAYMENTS, Section.DECLARE_CHANGE, Section.REQUEST_BENEFIT)
"""Open to the responsable, and to the spouse once the responsable authorised them."""


def allowed_sections(store: Store, account: Account) -> dict[Section, bool]:
    """Each file section by its own right (a spouse may hold one without the others)."""
    rights = rights_of(store, account)
    return {
        section: (SECTION_RIGHT[section] in rights if section in FILE_SECTIONS else True)
        for section in Section
    }


def dashboard(context: Context, caller: Authed) -> DashboardResponse:
    store = context.store
    with store.transaction():
        account = open_to(context, caller)
        household = store.household(account.household_id)
        access = allowed_sections(store, account)
        payments = store.payments(account.household_id) if access[Section.RIGHTS_PAYMENTS] else []
        return DashboardResponse(
            person=Person(family_name=account.family_name, given_names=account.given_names),
            role=account.role,
            numero_allocataire=household.numero_allocataire if household else None,
            address=household.address if household else None,
            sections=[SectionAccess(section=s, allowed=ok) for s, ok in access.items()],
            payments=payments,
            declarations=[
                declarations.receipt(f)
                for f in store.filings(account.household_id, DECLARATION, limit=RECENT)
            ]
            if access[Section.DECLARE_CHANGE]
            else [],
            benefit_requests=[
                benefits.receipt(f)
                for f in store.filings(account.household_id, BENEFIT_REQUEST, limit=RECENT)
            ]
            if access[Section.REQUEST_BENEFIT]
            else [],
        )
