"""The « Mon Compte » sections, with the role checked on every request (403 ``forbidden``).

A spouse's rights are read afresh from the file holder's decision on each call, so a withdrawal
takes effect on the spouse's very next request.
"""

from __future__ import annotations

from caf_stub.context import Context, StubContext
from caf_stub.dashboard import allowed_sections
from caf_stub.errors import ApiError
from caf_stub.journey import display_identifier, spouse_of
from caf_stub.rights import granted_by, open_to
from caf_stub.sessions import Authed, Caller
from caf_stub.store import Account
from caf_tui import rules
from caf_tui.api import ErrorCode, Person, Role, Section, SpouseDecision
from caf_tui.api.account import (
    Attestation,
    AttestationsResponse,
    AuthorisationsResponse,
    PaymentsResponse,
    ProfileResponse,
    SpouseAuthorisationState,
    UpdateAuthorisationsRequest,
)
from caf_tui.api.steps import SpouseRight

FORBIDDEN_MESSAGES: dict[Section, str] = {
    Section.RIGHTS_PAYMENTS: (
        "Vous n'êtes pas autorisé(e) à consulter les droits et paiements de ce dossier : "
        "seul(e) le ou la responsable du dossier, ou son conjoint(e) qu'il ou elle a autorisé(e), "
        "peut les consulter."
    ),
    Section.DECLARE_CHANGE: (
        "Vous n'êtes pas autorisé(e) à déclarer un changement sur ce dossier : demandez au ou "
        "à la responsable du dossier de vous y autoriser."
    ),
    Section.REQUEST_BENEFIT: (
        "Vous n'êtes pas autorisé(e) à demander une prestation sur ce dossier : demandez au ou "
        "à la responsable du dossier de vous y autoriser."
    ),
    Section.ATTESTATIONS: "Vous n'êtes pas autorisé(e) à consulter ces attestations.",
    Section.MANAGE_ACCOUNT: "Vous n'êtes pas autorisé(e) à gérer ce compte.",
}

ALL_RIGHTS = [
    SpouseRight.CONSULT_RIGHTS_PAYMENTS,
    SpouseRight.DECLARE_CHANGES,
    SpouseRight.REQUEST_BENEFIT,
]


def open_section(context: StubContext, caller: Caller, section: Section) -> Account:
    """The caller's account if the journey is done and the role may open ``section``.

    The caller holds a store transaction. Raises step_mismatch, forbidden.
    """
    account = open_to(context, caller)
    if not allowed_sections(context.store, account)[section]:
        context.store.audit("forbidden", account.id, context.clock.now(), section.value)
        raise ApiError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGES[section])
    return account


def profile(context: Context, caller: Authed) -> ProfileResponse:
    store = context.store
    with store.transaction():
        account = open_to(context, caller)
        household = store.household(account.household_id)
        kind, identifier = display_identifier(account)
        return ProfileResponse(
            person=Person(family_name=account.family_name, given_names=account.given_names),
            role=account.role,
            identifier_kind=kind,
            identifier=identifier,
            birth_date=account.birth_date,
            phone=rules.format_phone(account.phone) if account.phone else None,
            email=account.email,
            numero_allocataire=household.numero_allocataire if household else None,
            password_policy=context.policy,
        )


def payments(context: Context, caller: Authed) -> PaymentsResponse:
    store = context.store
    with store.transaction():
        account = open_section(context, caller, Section.RIGHTS_PAYMENTS)
        household = store.household(account.household_id)
        assert household is not None
        return PaymentsResponse(
            numero_allocataire=household.numero_allocataire,
            payments=store.payments(account.household_id),
        )


def attestations(context: Context, caller: Authed) -> AttestationsResponse:
    store = context.store
    with store.transaction():
        account = open_section(context, caller, Section.ATTESTATIONS)
        file_access = allowed_sections(store, account)[Section.RIGHTS_PAYMENTS]
        items = [
            Attestation(
                kind="situation",
                title="Attestation de situation",
                description="Votre rattachement au dossier et votre situation familiale.",
            )
        ]
        if file_access:
            items += [
                Attestation(
                    kind="paiement",
                    title="Attestation de paiement",
                    description="Les prestations versées sur les derniers mois.",
                ),
                Attestation(
                    kind="quotient_familial",
                    title="Attestation de quotient familial",
                    description="Le quotient familial du foyer, pour la cantine ou la crèche.",
                ),
            ]
        return AttestationsResponse(attestations=items)


def _only_file_holder(context: StubContext, caller: Caller) -> Account:
    account = open_section(context, caller, Section.MANAGE_ACCOUNT)
    if account.role is not Role.RESPONSABLE:
        raise ApiError(
            ErrorCode.FORBIDDEN,
            "Seul(e) le ou la responsable du dossier peut gérer les autorisations de son "
            "conjoint(e).",
        )
    return account


def _authorisations_of(context: StubContext, account: Account) -> AuthorisationsResponse:
    spouse = spouse_of(context.store, account)
    if spouse is None:
        return AuthorisationsResponse(spouse=None)
    fresh = context.store.account(account.id)
    assert fresh is not None
    granted = granted_by(context.store, fresh)
    return AuthorisationsResponse(
        spouse=SpouseAuthorisationState(
            spouse_name=f"{spouse.given_names} {spouse.family_name}",
            authorised=bool(granted),
            rights=[r for r in ALL_RIGHTS if r in granted] if granted else ALL_RIGHTS,
            decided_at=fresh.spouse_decided_at,
        )
    )


def authorisations(context: Context, caller: Authed) -> AuthorisationsResponse:
    with context.store.transaction():
        return _authorisations_of(context, _only_file_holder(context, caller))


def update_authorisations(
    context: Context, caller: Authed, request: UpdateAuthorisationsRequest
) -> AuthorisationsResponse:
    now = context.clock.now()
    authorised, rights = request.spouse_authorised, request.rights
    store = context.store
    with store.transaction():
        account = _only_file_holder(context, caller)
        if spouse_of(store, account) is None:
            raise ApiError(
                ErrorCode.FORBIDDEN,
                "Aucun conjoint(e) n'est rattaché(e) à votre dossier : il n'y a pas "
                "d'autorisation à gérer.",
            )
        if authorised and rights is not None and not rights:
            raise ApiError(
                ErrorCode.VALIDATION_ERROR,
                "Choisissez au moins un droit à accorder, ou retirez l'autorisation.",
                field="rights",
            )
        decision = SpouseDecision.AUTHORISE if authorised else SpouseDecision.REFUSE
        store.update_account(account.id, spouse_decision=decision, spouse_decided_at=now)
        chosen = set(rights) if authorised and rights is not None else set(ALL_RIGHTS)
        store.set_spouse_rights(
            account.id, {r.value: authorised and r in chosen for r in ALL_RIGHTS}
        )
        store.audit("spouse_rights_changed", account.id, now, decision.value)
        return _authorisations_of(context, account)
