"""``${PERSONA.…}`` values: the demo persona's on a private stub, a fresh copy's on a shared one.

The same flow runs on both: on a private stub it logs in as the demo Karim; against a stub that
testers share, the runner asks ``POST /_stub/personas`` for a copy of Karim's household (new
NIRs, passwords, phones) so that no two flows use one account or read each other's codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import phonenumbers

from caf_tui.api import Channel
from caf_tui.replay.flow import PERSONA_PREFIX


@dataclass(frozen=True)
class Person:
    key: str
    given_names: str
    family_name: str
    identifier: str
    password: str | None
    phone: str | None
    email: str | None


def _national(phone: str) -> str:
    """``+33615000000`` as the screens show it: ``06 15 00 00 00``."""
    number = phonenumbers.parse(phone, "FR")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def _values_of(person: Person) -> dict[str, str]:
    values = {
        "identifier": person.identifier,
        "nir": person.identifier,
        "given_names": person.given_names,
        "family_name": person.family_name,
    }
    if person.password is not None:
        values["password"] = person.password
    if person.phone is not None:
        values["phone"] = person.phone
        values["phone_national"] = _national(person.phone)
    if person.email is not None:
        values["email"] = person.email
    return values


@dataclass(frozen=True)
class PersonaValues:
    """The values ``${PERSONA.field}`` (the flow's persona) and ``${PERSONA.key.field}`` (one
    of its household) stand for, and where its codes are sent."""

    persona: str
    household: tuple[Person, ...]
    fresh: bool

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for person in self.household:
            for field, value in _values_of(person).items():
                found[f"{PERSONA_PREFIX}{person.key}.{field}"] = value
                if person.key == self.persona:
                    found[f"{PERSONA_PREFIX}{field}"] = value
        return found

    def recipient(self, channel: Channel) -> str | None:
        """Where the persona's codes go on ``channel`` (its phone, its e-mail)."""
        me = next(person for person in self.household if person.key == self.persona)
        return me.phone if channel is Channel.SMS else me.email


def demo(persona: str) -> PersonaValues:
    """The demo persona and its household, as the stub seeds them."""
    from caf_stub.personas import household_of

    household = household_of(persona)
    if household is None:
        raise ValueError(f"aucun persona « {persona} » dans le bouchon")
    return PersonaValues(
        persona=persona,
        household=tuple(
            Person(
                key=member.key,
                given_names=member.given_names,
                family_name=member.family_name,
                identifier=member.identifier,
                password=member.password,
                phone=member.phone,
                email=member.email,
            )
            for member in household.members
        ),
        fresh=False,
    )


def from_copy(persona: str, members: Iterable[Mapping[str, object]]) -> PersonaValues:
    """A copy as ``POST /_stub/personas`` answers it (its ``members``)."""

    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return PersonaValues(
        persona=persona,
        household=tuple(
            Person(
                key=str(member["copy_of"]),
                given_names=str(member["given_names"]),
                family_name=str(member["family_name"]),
                identifier=str(member["identifier"]),
                password=text(member.get("password")),
                phone=text(member.get("phone")),
                email=text(member.get("email")),
            )
            for member in members
        ),
        fresh=True,
    )
