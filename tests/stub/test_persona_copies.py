"""``POST /_stub/personas {"from": …}``: a fresh copy of a persona's household for one tester.

The stubs here send random codes; each copy reads its own by its own phone (``to=``).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import httpx
from stdnum.fr import nir

from caf_stub import RunningStub, serve_in_thread
from caf_stub.personas import AMINA, KARIM, ZOHRA, Persona
from caf_stub.testing import settings_for_tests
from tests.conftest import stub_client

from .helpers import Portal, error_of
from .journeys import walk_to


def _copy_of(running: RunningStub, key: str) -> dict[str, Any]:
    with stub_client(running) as client:
        answer = client.post("/_stub/personas", json={"from": key})
    assert answer.status_code == 201, answer.text
    household: dict[str, Any] = answer.json()
    return household


def _as_persona(original: Persona, person: dict[str, Any]) -> Persona:
    return replace(
        original,
        nir=person["identifier"],
        password=person["password"],
        phone=person["phone"],
        email=person["email"],
    )


def _migrate(running: RunningStub, karim: Persona) -> dict[str, Any]:
    """Karim's copy's whole journey, reading his code by his own phone."""
    session = Portal(running)
    try:
        walk_to(session, karim, "verify_code")
        with stub_client(running) as client:
            sent = client.get(
                "/_stub/outbox/next",
                params={"to": karim.phone, "consumer": karim.identifier, "timeout": 10},
            )
        assert sent.status_code == 200, sent.text
        assert sent.json()["message"]["to"] == karim.phone
        verified = session.verify(sent.json()["code"])
        assert verified.status_code == 200, verified.text
        session.ok("POST", "/journey/account_created/continue")
        return session.ok("POST", "/journey/spouse_authorisation", {"decision": "skip"})["next"]
    finally:
        session.close()


def test_two_copies_of_karim_migrate_in_parallel_apart_from_each_other_and_the_original(
    stub_factory, portal_on
) -> None:
    running = stub_factory(fixed_code=None)
    first, second = _copy_of(running, "karim"), _copy_of(running, "karim")

    assert first["numero_allocataire"] != second["numero_allocataire"]
    assert [m["copy_of"] for m in first["members"]] == ["karim", "zohra", "lucas"]
    karims = [_as_persona(KARIM, h["members"][0]) for h in (first, second)]
    for karim in karims:
        assert karim.nir is not None and nir.is_valid(karim.nir)
        assert karim.nir != KARIM.nir and karim.phone != KARIM.phone
        assert karim.password is not None and karim.password != KARIM.password
    assert karims[0].nir != karims[1].nir and karims[0].phone != karims[1].phone

    with ThreadPoolExecutor(max_workers=2) as pool:
        ends = list(pool.map(lambda karim: _migrate(running, karim), karims))

    assert [end["step"] for end in ends] == ["dashboard", "dashboard"]
    # The original Karim has not moved, his legacy password still works.
    original = portal_on(running)
    assert original.login_as(KARIM)["next"]["step"] == "migration_intro"
    # Each copy's household came along in its state: Zohra's copy has migrated already.
    zohra = portal_on(running)
    assert zohra.login_as(_as_persona(ZOHRA, first["members"][1]))["next"]["step"] == "dashboard"


def test_copies_last_until_the_next_reset_and_unknown_personas_are_refused(
    stub: RunningStub, portal
) -> None:
    copy = _as_persona(KARIM, _copy_of(stub, "karim")["members"][0])
    assert portal().login_as(copy)["next"]["step"] == "migration_intro"
    with stub_client(stub) as client:
        # Its password is told once, in the answer: the journal of the login that used it hides it.
        assert copy.password is not None
        assert copy.password not in client.get("/_stub/journal").text
        client.post("/_stub/reset").raise_for_status()
        unknown = client.post("/_stub/personas", json={"from": "kevin"})
    assert error_of(portal().login(copy.identifier, copy.password, expect=401))
    refusal = error_of(unknown)
    assert refusal["field"] == "from"
    assert refusal["message"].startswith("Aucun persona « kevin » : choisissez parmi ")
    assert "karim" in refusal["message"]


def test_copies_are_refused_beyond_loopback_unless_enabled() -> None:
    closed = serve_in_thread(settings_for_tests(control_api=None), host="0.0.0.0")
    try:
        port = closed.url.rsplit(":", 1)[1]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            answer = client.post("/_stub/personas", json={"from": "karim"})
        assert answer.status_code == 404
        assert "n'existe pas" in answer.json()["error"]["message"]
    finally:
        closed.stop()


def test_a_copy_of_a_temporary_identifier_holder_gets_a_new_one(stub: RunningStub, portal) -> None:
    member = _copy_of(stub, "amina")["members"][0]

    assert member["identifier_kind"] == "temporary"
    assert member["identifier"] != AMINA.temporary_id
    assert re.fullmatch(r"T\d{8}", member["identifier"])
    copy = replace(AMINA, temporary_id=member["identifier"], password=member["password"])
    assert portal().login_as(copy)["next"]["step"] == "dashboard"
    assert portal().login_as(AMINA)["next"]["step"] == "dashboard"
