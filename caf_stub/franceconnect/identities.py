"""The identity providers the demo FranceConnect offers, their test identities, and the
national register the portal matches an identity against.

Only « Démonstration eIDAS faible » signs anyone in, as on FranceConnect's own test platform;
the others are listed as FranceConnect lists them, and say they are not part of the demo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caf_stub.personas import PERSONAS


@dataclass(frozen=True)
class IdentityProvider:
    id: str
    name: str
    available: bool
    login_label: str = "Identifiant"
    login_hint: str | None = None


DEMO = "demo-eidas-faible"

PROVIDERS: tuple[IdentityProvider, ...] = (
    IdentityProvider("impots-gouv", "impots.gouv.fr", False, "Numéro fiscal"),
    IdentityProvider(
        "ameli",
        "ameli.fr",
        False,
        "Numéro de sécurité sociale",
        "Où trouver mon numéro de sécurité sociale ? Sur votre carte Vitale.",
    ),
    IdentityProvider("laposte", "L'Identité Numérique La Poste", False, "Adresse e-mail"),
    IdentityProvider("msa", "MSA", False, "Numéro de sécurité sociale"),
    IdentityProvider("france-identite", "France Identité", False, "Numéro de carte d'identité"),
    IdentityProvider(
        DEMO,
        "Démonstration eIDAS faible",
        True,
        "Identifiant",
        "Démonstration : identifiant test, mot de passe 123.",
    ),
)

NOT_IN_DEMO = (
    "Ce compte n'est pas disponible dans la démonstration : choisissez « Démonstration eIDAS "
    "faible »."
)


def provider(provider_id: str) -> IdentityProvider | None:
    return next((p for p in PROVIDERS if p.id == provider_id), None)


@dataclass(frozen=True)
class PivotIdentity:
    """FranceConnect's « identité pivot »: what it vouches for."""

    given_name: str
    family_name: str
    gender: str  # "female" | "male", as OpenID Connect says it
    birthdate: date
    birthplace: str  # INSEE code of the commune; empty when born abroad
    birthcountry: str  # INSEE code of the country (99100: France)

    def claims(self) -> dict[str, str]:
        return {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "gender": self.gender,
            "birthdate": self.birthdate.isoformat(),
            "birthplace": self.birthplace,
            "birthcountry": self.birthcountry,
        }


@dataclass(frozen=True)
class TestIdentity:
    login: str
    password: str  # demo only, published in the README: never a real secret
    key: str  # stable, to derive FranceConnect's pseudonymous ``sub``
    pivot: PivotIdentity
    email: str


_ANGELA = PERSONAS["angela"]

TEST_IDENTITIES: tuple[TestIdentity, ...] = (
    TestIdentity(
        login="test",
        password="123",
        key="angela",
        pivot=PivotIdentity(
            given_name=_ANGELA.given_names,
            family_name=_ANGELA.family_name,
            gender="female",
            birthdate=_ANGELA.birth_date,
            birthplace="75107",
            birthcountry="99100",
        ),
        email="angela.dubois@example.com",
    ),
    TestIdentity(
        login="inconnu",
        password="123",
        key="jean-martin",
        pivot=PivotIdentity(
            given_name="Jean Pierre",
            family_name="MARTIN",
            gender="male",
            birthdate=date(1971, 4, 2),
            birthplace="69123",
            birthcountry="99100",
        ),
        email="jean.martin@example.com",
    ),
)


def test_identity(provider_id: str, login: str) -> TestIdentity | None:
    if provider_id != DEMO:
        return None
    return next((t for t in TEST_IDENTITIES if t.login == login.strip()), None)


def claims_of(identity: TestIdentity, scope: tuple[str, ...]) -> dict[str, str]:
    """What FranceConnect transmits of ``identity`` for the scopes asked."""
    values = identity.pivot.claims() | {"email": identity.email}
    return {name: value for name, value in values.items() if name in scope}


# --- the national register (SNGI) the portal asks, NIR -> birth place ------------------------

BIRTHPLACES: dict[str, tuple[str, str]] = {
    "karim": ("", "99350"),
    "zohra": ("", "99350"),
    "lucas": ("93066", "99100"),
    "claire": ("69123", "99100"),
    "paul": ("31555", "99100"),
    "angela": ("75107", "99100"),
    "hugo": ("59350", "99100"),
}
"""Where each persona with a NIR was born (INSEE commune, INSEE country). Made up, stable."""

GENDERS = {"F": "female", "M": "male"}


def register() -> dict[str, PivotIdentity]:
    """NIR -> identité pivot, for every persona with a NIR and a known birth place."""
    entries: dict[str, PivotIdentity] = {}
    for key, (birthplace, birthcountry) in BIRTHPLACES.items():
        persona = PERSONAS.get(key)
        if persona is None or persona.nir is None:
            continue
        entries[persona.nir] = PivotIdentity(
            given_name=persona.given_names,
            family_name=persona.family_name,
            gender=GENDERS[persona.gender],
            birthdate=persona.birth_date,
            birthplace=birthplace,
            birthcountry=birthcountry,
        )
    return entries
