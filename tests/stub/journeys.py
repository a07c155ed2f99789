"""Shortcuts that walk a persona to a given step of the migration over HTTP."""

from __future__ import annotations

from typing import Any

from caf_stub.personas import Persona
from caf_stub.testing import CODE as STUB_CODE

from .helpers import Portal

NEW_PASSWORD = "Nouveau2026"

ORDER = [
    "migration_intro",
    "accept_terms",
    "choose_password",
    "confirm_contact",
    "verify_code",
    "account_created",
    "spouse_authorisation",
    "dashboard",
]


def walk_to(
    session: Portal, persona: Persona, step: str, *, channel: str = "sms"
) -> dict[str, Any]:
    """Log ``persona`` in and submit every step before ``step``; returns ``step``'s model."""
    current = session.login_as(persona)["next"]
    while current["step"] != step:
        assert ORDER.index(current["step"]) < ORDER.index(step), (current, step)
        name = current["step"]
        if name == "migration_intro":
            current = session.start()
        elif name == "accept_terms":
            current = session.accept_terms()
        elif name == "choose_password":
            current = session.choose_password(NEW_PASSWORD)
        elif name == "confirm_contact":
            current = session.confirm(channel)
        elif name == "verify_code":
            response = session.verify(STUB_CODE)
            assert response.status_code == 200, response.text
            current = response.json()["next"]
        elif name == "account_created":
            current = session.ok("POST", "/journey/account_created/continue")["next"]
        elif name == "spouse_authorisation":
            body = {"decision": "skip"}
            current = session.ok("POST", "/journey/spouse_authorisation", body)["next"]
        else:
            raise AssertionError(f"cannot leave {name}")
    return current
