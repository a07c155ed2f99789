"""Which CAF account an identity vouched for by FranceConnect belongs to.

The portal asks the national register (``identities.register``) for the NIR of the identité
pivot (family name, given names, birth date, gender, birth place and country), then checks the
account of that NIR carries the same names, birth date and gender.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from caf_stub.franceconnect.identities import GENDERS, PivotIdentity, register
from caf_stub.store import Account, Store


def _plain(text: str) -> str:
    """Compared without case, accents, hyphens or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").casefold().split())


def pivot_from_claims(claims: dict[str, Any]) -> PivotIdentity | None:
    try:
        return PivotIdentity(
            given_name=str(claims["given_name"]),
            family_name=str(claims["family_name"]),
            gender=str(claims["gender"]),
            birthdate=date.fromisoformat(str(claims["birthdate"])),
            birthplace=str(claims.get("birthplace") or ""),
            birthcountry=str(claims["birthcountry"]),
        )
    except (KeyError, ValueError):
        return None


def same_person(a: PivotIdentity, b: PivotIdentity) -> bool:
    return (
        _plain(a.family_name) == _plain(b.family_name)
        and _plain(a.given_name) == _plain(b.given_name)
        and a.birthdate == b.birthdate
        and a.gender == b.gender
        and a.birthplace == b.birthplace
        and a.birthcountry == b.birthcountry
    )


def _account_agrees(account: Account, pivot: PivotIdentity) -> bool:
    return (
        _plain(account.family_name) == _plain(pivot.family_name)
        and _plain(account.given_names) == _plain(pivot.given_name)
        and account.birth_date == pivot.birthdate
        and GENDERS.get(account.gender) == pivot.gender
    )


def find_account(store: Store, pivot: PivotIdentity) -> Account | None:
    for nir, entry in register().items():
        if same_person(entry, pivot):
            account = store.account_by_nir(nir)
            if account is not None and _account_agrees(account, pivot):
                return account
    return None
