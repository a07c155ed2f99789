"""The demo households of /work/shared/PERSONAS.md (their data in ``personas.toml``), seeded
on an empty database and on reset, and copied afresh for testers who share one stub."""

from __future__ import annotations

import secrets
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from importlib import resources

from stdnum.fr import nir as nir_rule

from caf_stub.security import hash_persona_secret, hash_secret
from caf_stub.store import Store
from caf_stub.terms import TERMS_VERSION
from caf_tui.api import Role

MIGRATED_DAYS_AGO = 45
"""Migrated personas finished their migration this many days before the seed."""


@dataclass(frozen=True)
class Persona:
    key: str
    family_name: str
    given_names: str
    birth_date: date
    gender: str
    role: Role
    nir: str | None = None
    temporary_id: str | None = None
    password: str | None = None
    legacy_password: bool = False
    phone: str | None = None
    email: str | None = None
    migrated: bool = False
    locked: bool = False

    @property
    def identifier(self) -> str:
        """What the person types at login: the 15-digit NIR or the temporary identifier."""
        identifier = self.nir or self.temporary_id
        assert identifier is not None
        return identifier


@dataclass(frozen=True)
class PersonaHousehold:
    numero_allocataire: str
    address: str
    situation: str
    members: tuple[Persona, ...]
    payments: tuple[tuple[date, str, int], ...]


def _households() -> tuple[PersonaHousehold, ...]:
    """The households of ``personas.toml``: data, kept apart from the code that seeds it."""
    text = resources.files("caf_stub").joinpath("personas.toml").read_text(encoding="utf-8")
    return tuple(
        PersonaHousehold(
            numero_allocataire=household["numero_allocataire"],
            address=household["address"],
            situation=household["situation"],
            members=tuple(
                Persona(**{**member, "role": Role(member["role"])})
                for member in household["members"]
            ),
            payments=tuple(
                (payment["paid_on"], payment["label"], payment["cents"])
                for payment in household["payments"]
            ),
        )
        for household in tomllib.loads(text)["households"]
    )


HOUSEHOLDS = _households()
PERSONAS: dict[str, Persona] = {p.key: p for h in HOUSEHOLDS for p in h.members}
KARIM, ZOHRA, LUCAS = PERSONAS["karim"], PERSONAS["zohra"], PERSONAS["lucas"]
CLAIRE, PAUL, AMINA = PERSONAS["claire"], PERSONAS["paul"], PERSONAS["amina"]
ANGELA, HUGO = PERSONAS["angela"], PERSONAS["hugo"]


def seed(store: Store, now: datetime, *, lock_minutes: int = 15, max_failures: int = 5) -> None:
    """Insert every demo household into ``store`` (expected empty), as of ``now``."""
    migrated_at = now - timedelta(days=MIGRATED_DAYS_AGO)
    with store.transaction():
        for household in HOUSEHOLDS:
            household_id = store.insert_household(
                household.numero_allocataire, household.address, household.situation
            )
            for persona in household.members:
                store.insert_account(
                    **_account_fields(
                        persona, household_id, now, migrated_at, lock_minutes, max_failures
                    )
                )
            for paid_on, label, amount_cents in household.payments:
                store.insert_payment(household_id, paid_on, label, amount_cents)
        store.audit("seeded", None, now)


def _account_fields(
    persona: Persona,
    household_id: int,
    now: datetime,
    migrated_at: datetime,
    lock_minutes: int,
    max_failures: int,
) -> dict[str, object]:
    fields: dict[str, object] = {
        "nir": persona.nir,
        "temporary_id": persona.temporary_id,
        "family_name": persona.family_name,
        "given_names": persona.given_names,
        "birth_date": persona.birth_date,
        "gender": persona.gender,
        "role": persona.role,
        "household_id": household_id,
        "phone": persona.phone,
        "email": persona.email,
        "password_hash": hash_persona_secret(persona.password) if persona.password else None,
        "password_is_legacy": persona.legacy_password,
    }
    if persona.migrated:
        fields |= {
            "migration_started_at": migrated_at,
            "terms_version": TERMS_VERSION,
            "terms_accepted_at": migrated_at,
            "contact_verified_at": migrated_at,
            "migrated_at": migrated_at,
            "created_ack_at": migrated_at,
        }
    if persona.locked:
        fields |= {
            "failed_logins": max_failures,
            "locked_until": now + timedelta(minutes=lock_minutes),
        }
    return fields


# --- fresh copies for testers sharing one stub (POST /_stub/personas) ------------------------


def household_of(key: str) -> PersonaHousehold | None:
    for household in HOUSEHOLDS:
        if any(member.key == key for member in household.members):
            return household
    return None


def copy_household(
    store: Store,
    source: PersonaHousehold,
    now: datetime,
    *,
    lock_minutes: int = 15,
    max_failures: int = 5,
) -> tuple[str, tuple[Persona, ...]]:
    """Insert a copy of ``source``: the same people and states under a new numéro allocataire,
    new NIRs (valid key), temporary identifiers, phones, e-mails and passwords. Returns the
    numéro and the copies, in the order of ``source.members``, each with its new password
    (which is stored only hashed)."""
    migrated_at = now - timedelta(days=MIGRATED_DAYS_AGO)
    with store.transaction():
        numero = _new_numero_allocataire(store)
        household_id = store.insert_household(numero, source.address, source.situation)
        copies = tuple(_copy(store, member, household_id) for member in source.members)
        for copy in copies:
            fields = _account_fields(
                replace(copy, password=None),
                household_id,
                now,
                migrated_at,
                lock_minutes,
                max_failures,
            )
            fields["password_hash"] = hash_secret(copy.password) if copy.password else None
            store.insert_account(**fields)
        for paid_on, label, amount_cents in source.payments:
            store.insert_payment(household_id, paid_on, label, amount_cents)
        store.audit("persona_copied", None, now, f"household {source.numero_allocataire}")
    return numero, copies


def _copy(store: Store, member: Persona, household_id: int) -> Persona:
    """``member`` with identifiers and contacts of its own, unique through the household's id."""
    local = f"{member.given_names}.{member.family_name}".lower()
    return replace(
        member,
        nir=None if member.nir is None else _new_nir(store, member.nir),
        temporary_id=None if member.temporary_id is None else new_temporary_id(store),
        password=None if member.password is None else _new_password(member.legacy_password),
        phone=None if member.phone is None else f"+3366{household_id:07d}",
        email=None if member.email is None else f"{local}+copie{household_id}@example.com",
    )


def _new_nir(store: Store, original: str) -> str:
    """Same sex, birth month and fictitious birthplace as ``original``; another order number."""
    prefix = original[:10]
    for _ in range(100):
        body = f"{prefix}{secrets.randbelow(999) + 1:03d}"
        candidate = body + nir_rule.calc_check_digits(body)
        if store.account_by_nir(candidate) is None:
            return candidate
    raise RuntimeError(f"no free NIR left after {prefix}")


def _unused(draw: Callable[[], str], holder: Callable[[str], object | None]) -> str:
    """A value ``draw`` makes that no row holds yet (``holder`` finds none)."""
    while True:
        candidate = draw()
        if holder(candidate) is None:
            return candidate


def new_temporary_id(store: Store) -> str:
    """« T » and 8 digits, that no account has."""
    return _unused(lambda: f"T{secrets.randbelow(10**8):08d}", store.account_by_temporary_id)


def _new_numero_allocataire(store: Store) -> str:
    return _unused(lambda: f"{secrets.randbelow(9 * 10**6) + 10**6}", store.household_by_numero)


def _new_password(legacy: bool) -> str:
    """A legacy password is 8 digits, as the old portal's; else one the default policy takes."""
    digits = f"{secrets.randbelow(10**8):08d}"
    return digits if legacy else f"Copie{digits}ab"
