"""« Créer Mon Compte »: link a person to a file, then hand over to the journey's steps.

A household member over 15 with a NIR (Lucas) finds the row the file already holds for them; a
person with no NIR gets a new member account with a temporary identifier, shown on the « compte
créé » step and sent with the acknowledgment. Either way the answer opens a session whose next
step is the terms, as in the migration.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Callable
from datetime import datetime

from backend_stub.context import StubContext
from backend_stub.errors import ApiError
from backend_stub.journey import build_step
from backend_stub.sessions import open_session
from backend_stub.store import Account, Household, Store
from caf_tui import rules
from caf_tui.api import AuthResponse, ErrorCode, Role
from caf_tui.api.signup import SignupRequest

log = logging.getLogger("backend_stub")

NO_MATCH = (
    "Les informations saisies ne correspondent à aucune personne de ce dossier : vérifiez le "
    "numéro allocataire, le code postal, vos nom, prénom(s) et date de naissance."
)


def _valid(rule: Callable[[str], str], value: str, field: str) -> str:
    try:
        return rule(value)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field=field) from exc


def _checked(context: StubContext, request: SignupRequest) -> tuple[str, str, str, str | None]:
    """(numéro allocataire, code postal, nom, NIR) once every field passes its rule."""
    numero = _valid(
        rules.normalise_numero_allocataire, request.numero_allocataire, "numero_allocataire"
    )
    postal = _valid(rules.normalise_postal_code, request.postal_code, "postal_code")
    _valid(lambda t: rules.normalise_name(t, "nom"), request.family_name, "family_name")
    _valid(lambda t: rules.normalise_name(t, "prénom"), request.given_names, "given_names")
    nir = None
    if request.nir:
        try:
            nir = rules.normalise_nir(request.nir)
        except rules.RuleError as exc:
            raise ApiError(ErrorCode.INVALID_IDENTIFIER, exc.message, field="nir") from exc
    try:
        rules.check_signup_age(request.birth_date, context.clock.now().date())
    except rules.RuleError as exc:
        code = ErrorCode.TOO_YOUNG if exc.code == "too_young" else ErrorCode.VALIDATION_ERROR
        raise ApiError(code, exc.message, field="birth_date") from exc
    if nir is None and request.gender is None:
        raise ApiError(
            ErrorCode.VALIDATION_ERROR, "Choisissez « Madame » ou « Monsieur ».", field="gender"
        )
    return numero, postal, request.family_name, nir


def _same_person(account: Account, request: SignupRequest) -> bool:
    return (
        rules.same_name(account.family_name, request.family_name)
        and rules.same_name(account.given_names, request.given_names)
        and account.birth_date == request.birth_date
    )


def _find(
    store: Store, household: Household, request: SignupRequest, nir: str | None
) -> Account | None:
    if nir is not None:
        account = store.account_by_nir(nir)
        if account is None or account.household_id != household.id:
            return None
        return account if _same_person(account, request) else None
    for member in store.household_accounts(household.id):
        if member.nir is None and _same_person(member, request):
            return member
    return None


def _new_temporary_id(store: Store) -> str:
    while True:
        candidate = f"T{secrets.randbelow(10**8):08d}"
        if store.account_by_temporary_id(candidate) is None:
            return candidate


def signup(context: StubContext, request: SignupRequest) -> AuthResponse:
    numero, postal, _family, nir = _checked(context, request)
    now: datetime = context.clock.now()
    store = context.store
    with store.transaction():
        household = store.household_by_numero(numero)
        if household is None or postal not in re.findall(r"\b\d{5}\b", household.address):
            raise ApiError(ErrorCode.IDENTITY_NO_MATCH, NO_MATCH)
        account = _find(store, household, request, nir)
        if account is None and nir is not None:
            raise ApiError(ErrorCode.IDENTITY_NO_MATCH, NO_MATCH)
        if account is not None and account.password_hash is not None:
            how = "votre numéro de Sécurité sociale" if nir else "votre identifiant provisoire"
            raise ApiError(
                ErrorCode.ACCOUNT_EXISTS,
                f"Vous avez déjà un compte : connectez-vous avec {how}, ou choisissez "
                "« Mot de passe oublié ? » sur la page de connexion.",
                field="nir" if nir else None,
            )
        if account is None:
            account_id = store.insert_account(
                temporary_id=_new_temporary_id(store),
                family_name=" ".join(request.family_name.split()).upper(),
                given_names=" ".join(request.given_names.split()),
                birth_date=request.birth_date,
                gender=request.gender,
                role=Role.MEMBER,
                household_id=household.id,
                migration_started_at=now,
            )
        else:
            account_id = account.id
            if account.migration_started_at is None:
                store.update_account(account_id, migration_started_at=now)
        session = open_session(context, account_id, now)
        store.audit("signup", account_id, now, "nir" if nir else "temporary")
        log.info("account %d created through « Créer Mon Compte »", account_id)
        fresh = store.account(account_id)
        assert fresh is not None
        return AuthResponse(next=build_step(context, fresh), server_time=now, session=session)
