"""Fixtures of the file-rights tests (issue 18): HTTP sessions on the shared, reset stub, and the
people of the Tadj household brought to the « Mon Compte » home. ``portal()`` is re-exported
from tests/stub/conftest.py, where it is written once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from caf_stub.personas import KARIM, PAUL, ZOHRA
from tests.account.test_signup_api import LUCAS, finish_journey, sign_up
from tests.stub.conftest import portal
from tests.stub.helpers import API, Portal
from tests.stub.journeys import walk_to

__all__ = ["MOVE", "karim", "keyed", "lucas", "paul", "portal", "zohra"]

MOVE = {
    "street": "5 avenue de la République",
    "postal_code": "93100",
    "commune": "montreuil",
    "moved_on": "15/11/2026",
}


@pytest.fixture
def karim(portal: Callable[[], Portal]) -> Portal:
    """Karim, file holder, migrated (he skipped the spouse's authorisation on the way)."""
    session = portal()
    assert walk_to(session, KARIM, "dashboard")["step"] == "dashboard"
    return session


@pytest.fixture
def paul(portal: Callable[[], Portal]) -> Portal:
    """Paul, file holder, migrated before the seed: at the dashboard from his login (one
    request, where Karim walks the whole migration first)."""
    session = portal()
    assert session.login_as(PAUL)["next"]["step"] == "dashboard"
    return session


@pytest.fixture
def zohra(portal: Callable[[], Portal]) -> Portal:
    session = portal()
    session.login_as(ZOHRA)
    return session


@pytest.fixture
def lucas(portal: Callable[[], Portal]) -> Portal:
    """Lucas, 16, member of the Tadj file, with the account he created (« Créer Mon Compte »),
    through the sign-up API exactly as its own tests walk it."""
    session = portal()
    answer = sign_up(session, LUCAS)
    finish_journey(session, answer["next"], "lucas.tadj@example.com")
    assert session.ok("POST", "/journey/account_created/continue")["next"]["step"] == "dashboard"
    return session


def keyed(session: Portal, method: str, path: str, body: Any, key: str) -> Any:
    """A write with an ``Idempotency-Key``, as the app sends every action."""
    headers = {"Authorization": f"Bearer {session.token}", "Idempotency-Key": key}
    return session.http.request(method, API + path, json=body, headers=headers)
