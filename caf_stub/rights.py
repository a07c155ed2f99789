"""Who may use which right of the household's file, read afresh on every request.

The file holder has every right. The spouse has those the holder granted: all three by the
journey's « J'autorise », or one by one from « Gérer Mon Compte ». Any other member has none.
A withdrawal is seen by the spouse's very next request, since nothing here is cached.
"""

from __future__ import annotations

from caf_stub.context import StubContext
from caf_stub.errors import ApiError
from caf_stub.journey import load_account, require_step, responsable_of
from caf_stub.sessions import Caller
from caf_stub.store import Account, Store
from caf_tui.api import ErrorCode, Role, Section, SpouseDecision, StepName
from caf_tui.api.steps import SpouseRight

ALL_RIGHTS: tuple[SpouseRight, ...] = (
    SpouseRight.CONSULT_RIGHTS_PAYMENTS,
    SpouseRight.DECLARE_CHANGES,
    SpouseRight.REQUEST_BENEFIT,
)

SECTION_RIGHT: dict[Section, SpouseRight] = {
    Section.RIGHTS_PAYMENTS: SpouseRight.CONSULT_RIGHTS_PAYMENTS,
    Section.DECLARE_CHANGE: SpouseRight.DECLARE_CHANGES,
    Section.REQUEST_BENEFIT: SpouseRight.REQUEST_BENEFIT,
}

RIGHT_WORDS: dict[SpouseRight, tuple[str, str]] = {
    # (what the right lets one do, its name on the authorisation screen)
    SpouseRight.CONSULT_RIGHTS_PAYMENTS: (
        "consulter les droits et paiements de ce dossier",
        "consulter les droits et paiements",
    ),
    SpouseRight.DECLARE_CHANGES: (
        "déclarer un changement sur ce dossier",
        "déclarer des changements",
    ),
    SpouseRight.REQUEST_BENEFIT: (
        "faire une demande de prestation sur ce dossier",
        "demander une prestation",
    ),
}


def granted_by(store: Store, responsable: Account) -> frozenset[SpouseRight]:
    """The rights the file holder ``responsable`` grants their spouse now."""
    one_by_one = store.granted_spouse_rights(responsable.id)
    if one_by_one is not None:
        return frozenset(SpouseRight(name) for name in one_by_one)
    if responsable.spouse_decision is SpouseDecision.AUTHORISE:
        return frozenset(ALL_RIGHTS)
    return frozenset()


def rights_of(store: Store, account: Account) -> frozenset[SpouseRight]:
    """The file rights ``account`` holds now."""
    if account.role is Role.RESPONSABLE:
        return frozenset(ALL_RIGHTS)
    if account.role is Role.SPOUSE:
        responsable = responsable_of(store, account)
        return frozenset() if responsable is None else granted_by(store, responsable)
    return frozenset()


def refusal(store: Store, account: Account, right: SpouseRight) -> ApiError:
    """The 403 that says who may use ``right``, and what to do about it."""
    doing, name = RIGHT_WORDS[right]
    who = (
        "Seul(e) le ou la responsable du dossier, ou son conjoint(e) s'il ou elle l'y a "
        f"autorisé(e) (droit « {name} »), peut {doing}"
    )
    holder = responsable_of(store, account)
    holder_name = f"{holder.given_names} {holder.family_name}" if holder else None
    if account.role is Role.SPOUSE and holder_name:
        advice = (
            f"demandez à {holder_name} de vous accorder ce droit dans « Gérer Mon Compte » "
            "(« Mes autorisations »)."
        )
    elif holder_name:
        advice = f"demandez à {holder_name}, responsable du dossier, de faire cette démarche."
    else:
        advice = "demandez au ou à la responsable du dossier de faire cette démarche."
    return ApiError(ErrorCode.FORBIDDEN, f"{who} : {advice}")


def require_right(context: StubContext, caller: Caller, right: SpouseRight) -> Account:
    """The caller's account if its journey is done and it holds ``right`` now; else 403.

    The caller holds a store transaction. Raises unauthenticated, step_mismatch, forbidden.
    """
    account = open_to(context, caller)
    if right not in rights_of(context.store, account):
        context.store.audit("forbidden", account.id, context.clock.now(), right.value)
        raise refusal(context.store, account, right)
    return account


def open_to(context: StubContext, caller: Caller) -> Account:
    """The caller's account once its journey is done (a section open to every role)."""
    account = load_account(context, caller)
    require_step(context, account, StepName.DASHBOARD)
    return account
