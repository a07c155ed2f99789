"""``/_stub/outbox/next?to=…&consumer=…``: testers sharing one stub never take each other's codes.

The stubs here send random codes (no fixed code): a code that verifies the right journey proves
the waiter got that person's message.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from caf_stub import RunningStub
from caf_stub.personas import CLAIRE, KARIM, Persona
from tests.conftest import stub_client

from .helpers import error_of
from .journeys import NEW_PASSWORD, walk_to


def _wait(running: RunningStub, **params: Any) -> httpx.Response:
    with stub_client(running) as client:
        return client.get("/_stub/outbox/next", params=params)


def _national(persona: Persona) -> str:
    """The persona's phone as a tester types it: ``06 15 00 00 00``."""
    assert persona.phone is not None
    digits = "0" + persona.phone.removeprefix("+33")
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def test_two_testers_waiting_at_once_each_get_their_own_persons_code(
    stub_factory, portal_on
) -> None:
    running = stub_factory(fixed_code=None)
    karim, claire = portal_on(running), portal_on(running)
    with ThreadPoolExecutor(max_workers=2) as pool:
        # Both wait before any code is sent; the phone in two usual forms.
        for_karim = pool.submit(
            _wait, running, to=_national(KARIM), consumer="tester-karim", timeout=20
        )
        for_claire = pool.submit(
            _wait, running, to=CLAIRE.phone, consumer="tester-claire", timeout=20
        )
        walk_to(claire, CLAIRE, "verify_code")  # Claire's SMS goes first
        walk_to(karim, KARIM, "verify_code")
        karim_answer, claire_answer = for_karim.result(), for_claire.result()

    assert karim_answer.status_code == 200, karim_answer.text
    assert claire_answer.status_code == 200, claire_answer.text
    assert karim_answer.json()["message"]["to"] == KARIM.phone
    assert claire_answer.json()["message"]["to"] == CLAIRE.phone
    for session, answer in ((karim, karim_answer), (claire, claire_answer)):
        verified = session.verify(answer.json()["code"])
        assert verified.status_code == 200, verified.text
        assert verified.json()["next"]["step"] == "account_created"


def test_a_message_to_someone_else_is_never_returned(stub: RunningStub, portal) -> None:
    walk_to(portal(), CLAIRE, "verify_code")

    waited = _wait(stub, to=KARIM.phone, consumer="tester-karim", timeout=0)
    assert waited.status_code == 404
    assert error_of(waited)["message"] == (
        f"Aucun nouveau message (sms pour {KARIM.phone}) reçu en 0 s."
    )
    # Without consumer, the process's own cursor, filtered by recipient just the same.
    assert _wait(stub, to=KARIM.phone, timeout=0).status_code == 404
    assert _wait(stub, to=CLAIRE.phone, timeout=0).json()["message"]["to"] == CLAIRE.phone
    # Neither given: the old behaviour, any recipient.
    assert _wait(stub, timeout=0).json()["message"]["to"] == CLAIRE.phone


def test_an_email_recipient_selects_the_email_channel(stub: RunningStub, portal) -> None:
    walk_to(portal(), KARIM, "verify_code", channel="email")
    assert KARIM.email is not None

    waited = _wait(stub, to=KARIM.email.upper(), consumer="mail-tester", timeout=0)

    assert waited.status_code == 200, waited.text
    assert waited.json()["message"]["channel"] == "email"
    assert waited.json()["message"]["to"] == KARIM.email


def test_a_consumers_place_survives_a_restart(stub_factory, portal_on, tmp_path) -> None:
    db = str(tmp_path / "stub.sqlite3")
    first = stub_factory(db=db, fixed_code=None)
    walk_to(portal_on(first), KARIM, "verify_code")
    assert _wait(first, to=KARIM.phone, consumer="tester-karim", timeout=0).status_code == 200
    first.stop()

    second = stub_factory(db=db, fixed_code=None)
    # The code already taken is not handed out again to that consumer, after the restart...
    assert _wait(second, to=KARIM.phone, consumer="tester-karim", timeout=0).status_code == 404
    # ...but another consumer has a place of its own, and the next code reaches the first.
    assert _wait(second, to=KARIM.phone, consumer="other", timeout=0).status_code == 200
    karim = portal_on(second)
    karim.login(KARIM.identifier, NEW_PASSWORD)
    karim.http.post("/_stub/clock", json={"advance_seconds": 61}).raise_for_status()
    karim.ok("POST", "/journey/verify_code/resend")
    again = _wait(second, to=KARIM.phone, consumer="tester-karim", timeout=0)
    assert again.status_code == 200, again.text
    verified = karim.verify(again.json()["code"])
    assert verified.status_code == 200, verified.text


def test_bad_to_or_consumer_is_refused_in_french(stub: RunningStub) -> None:
    phone = error_of(_wait(stub, to="06 12", timeout=0))
    assert phone["field"] == "to"
    assert phone["message"].startswith("Paramètre to : Saisissez un numéro de portable")
    assert phone["message"].endswith("Ou bien donnez une adresse e-mail.")
    email = error_of(_wait(stub, to="karim@", timeout=0))
    assert email["message"].startswith("Paramètre to : Cette adresse e-mail n'est pas valide")
    bad_consumer = _wait(stub, consumer="a b/../c", timeout=0)
    assert bad_consumer.status_code == 422
    assert error_of(bad_consumer)["code"] == "validation_error"


def test_one_message_goes_to_one_of_a_consumers_simultaneous_requests(
    stub: RunningStub, portal
) -> None:
    walk_to(portal(), KARIM, "verify_code")
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(
            pool.map(lambda _: _wait(stub, to=KARIM.phone, consumer="greedy", timeout=0), range(4))
        )
    assert sorted(answer.status_code for answer in answers) == [200, 404, 404, 404]
