"""« Créer Mon Compte » (defects 3 and 9 of issue 13), over HTTP: identity details are not a
proof; the code goes to a contact already on file; nothing of the household shows before it;
throttled per client and per file."""

from __future__ import annotations

from typing import Any

import httpx

from caf_stub.personas import KARIM, PAUL, ZOHRA
from tests.account.test_signup_api import LUCAS
from tests.stub.helpers import API, Portal, error_of

from .helpers import portal, portal_on

FIXTURES = (portal, portal_on)  # the stub tests' fixtures, used by name below

# LUCAS is all a housemate knows: the file's letters, Lucas's Vitale card.
INVENTED = {  # a made-up person « joining » Paul's file, known by numéro and code postal
    "numero_allocataire": "3307462",
    "postal_code": "31000",
    "family_name": "Martin",
    "given_names": "Jules",
    "birth_date": "1990-01-01",
    "gender": "M",
}
HOUSEHOLD_SECRETS = ("rue des Lilas", "Saint-Denis", "615000000", "15 00 00 00", "karim.tadj")


def sign_up(session: Portal, body: dict[str, Any]) -> httpx.Response:
    return session.http.post(API + "/signup", json=body)


def test_a_housemate_with_every_identity_detail_gets_no_session_without_the_holders_code(
    portal,
):
    attacker: Portal = portal()
    started = sign_up(attacker, LUCAS)
    assert started.status_code == 200, started.text
    answer = started.json()
    # No session, and nothing of the household: the code went to Karim's phone, masked.
    assert "session" not in answer
    step = answer["next"]
    assert (step["step"], step["channel"], step["destination"]) == (
        "verify_code",
        "sms",
        "06 •• •• •• 00",
    )
    assert not any(secret in started.text for secret in HOUSEHOLD_SECRETS)
    # No contact can be typed to route the code elsewhere: it went to the file holder only.
    sent = [m for m in attacker.outbox() if "Lucas TADJ demande" in m["body"]]
    assert [m["to"] for m in sent] == [KARIM.phone]
    # Guessing the code: bounded, and no session ever.
    flow = answer["flow_token"]
    for n in range(attacker.running.settings.max_code_attempts):
        wrong = attacker.http.post(
            API + "/signup/code", json={"flow_token": flow, "code": f"00000{n}"}
        )
        assert error_of(wrong)["code"] == "otp_invalid"
    stuck = attacker.http.post(API + "/signup/code", json={"flow_token": flow, "code": "123456"})
    assert error_of(stuck)["code"] == "otp_attempts_exceeded"
    # The dashboard and the payments stay shut; Lucas's row has no password.
    assert attacker.get("/account/dashboard").status_code == 401
    assert attacker.get("/account/payments").status_code == 401
    lucas = attacker.running.context.store.account_by_nir("110059999901358")
    assert lucas is not None and lucas.password_hash is None


def test_only_the_code_sent_to_the_contact_on_file_opens_the_journey(portal):
    lucas: Portal = portal()
    flow = sign_up(lucas, LUCAS).json()["flow_token"]
    proof = {"flow_token": flow, "code": "123456"}  # the QA code Karim received and gave
    opened = lucas.http.post(API + "/signup/code", json=proof)
    assert opened.status_code == 200, opened.text
    assert opened.json()["next"]["step"] == "accept_terms"
    lucas.token = opened.json()["session"]["token"]
    # Still nothing of the household until the journey is done.
    assert lucas.get("/account/profile").status_code == 409
    again = lucas.http.post(API + "/signup/code", json=proof)
    assert error_of(again)["code"] == "flow_expired"  # a code serves once


def test_a_made_up_person_cannot_join_a_file_without_the_holders_consent(portal):
    attacker: Portal = portal()
    store = attacker.running.context.store
    household = store.household_by_numero("3307462")
    assert household is not None
    before = len(store.household_accounts(household.id))
    started = sign_up(attacker, INVENTED)
    assert started.status_code == 200, started.text
    assert started.json()["next"]["destination"] == "06 •• •• •• 03"  # Paul's, masked
    assert "Jean Jaurès" not in started.text and "Toulouse" not in started.text
    assert len(store.household_accounts(household.id)) == before  # nobody attached yet
    sent = [m for m in attacker.outbox() if "Jules MARTIN demande" in m["body"]]
    assert [m["to"] for m in sent] == [PAUL.phone]


def test_sign_up_is_throttled_per_file(portal):
    attacker: Portal = portal()
    limit = attacker.running.settings.max_sends_per_hour
    for n in range(limit):
        guess = {**LUCAS, "birth_date": f"2010-05-{n + 1:02d}"}
        assert error_of(sign_up(attacker, guess))["code"] == "identity_no_match"
    refused = sign_up(attacker, LUCAS)  # even the right details, now
    error = error_of(refused)
    assert (refused.status_code, error["code"]) == (429, "too_many_attempts")
    assert "pour ce dossier" in error["message"] and error["retry_after"] > 0
    attacker.advance(3600)
    assert sign_up(attacker, LUCAS).status_code == 200


def test_sign_up_is_throttled_per_client(portal):
    attacker: Portal = portal()
    numeros = [f"{n:07d}" for n in range(1000001, 1000011)]
    for numero in numeros:
        answer = sign_up(attacker, {**INVENTED, "numero_allocataire": numero})
        assert error_of(answer)["code"] == "identity_no_match"
    refused = sign_up(attacker, LUCAS)
    assert refused.status_code == 429
    assert "depuis cet appareil" in error_of(refused)["message"]


def test_account_exists_is_told_only_once_the_whole_identity_matches(portal):
    session: Portal = portal()
    zohra = {**LUCAS, "given_names": "Zohra", "birth_date": "1985-07-03", "nir": ZOHRA.nir}
    wrong_birth = sign_up(session, {**zohra, "birth_date": "1985-07-04"})
    assert error_of(wrong_birth)["code"] == "identity_no_match"
    other_file = sign_up(
        session, {**zohra, "numero_allocataire": "3307462", "postal_code": "31000"}
    )
    assert error_of(other_file)["code"] == "identity_no_match"
    assert error_of(sign_up(session, zohra))["code"] == "account_exists"


def test_failures_aimed_at_a_member_before_sign_up_do_not_block_the_new_account(
    stub_factory, portal_on
):
    running = stub_factory(client_max_failures=10_000, max_consecutive_failures=12)
    stranger: Portal = portal_on(running)
    for _ in range(12):
        stranger.login(LUCAS["nir"], "Wrong12345", expect=401)
    lucas: Portal = portal_on(running)
    flow = sign_up(lucas, LUCAS).json()["flow_token"]
    opened = lucas.http.post(API + "/signup/code", json={"flow_token": flow, "code": "123456"})
    lucas.token = opened.json()["session"]["token"]
    lucas.accept_terms()
    lucas.choose_password("Lucas2026")
    assert portal_on(running).login(LUCAS["nir"], "Lucas2026").status_code == 200


def test_leaving_the_sign_up_at_its_code_ends_it(portal):
    lucas: Portal = portal()
    flow = sign_up(lucas, LUCAS).json()["flow_token"]
    left = lucas.http.post(API + "/signup/cancel", json={"flow_token": flow})
    assert left.status_code == 200 and left.json()["next"]["step"] == "login"
    late = lucas.http.post(API + "/signup/code", json={"flow_token": flow, "code": "123456"})
    assert error_of(late)["code"] == "flow_expired"
