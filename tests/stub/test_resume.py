"""« Quitter » (logout) then login resumes at the same step; the step guard; roles."""

from __future__ import annotations

import pytest

from caf_stub.personas import CLAIRE, KARIM, LUCAS, PAUL, ZOHRA
from caf_stub.security import hash_secret
from caf_stub.testing import CODE

from .helpers import error_of
from .journeys import NEW_PASSWORD, ORDER, walk_to

STEPS = ORDER[:-1]


@pytest.mark.parametrize("step", STEPS)
def test_logout_then_login_resumes_at_the_same_step(portal, step):
    karim = portal()
    before = walk_to(karim, KARIM, step)
    assert karim.logout().status_code == 204
    password = KARIM.password if ORDER.index(step) <= ORDER.index("choose_password") else None
    after = karim.login_as(KARIM, password or NEW_PASSWORD)["next"]
    assert after == before


def test_resumed_verify_code_keeps_its_counters(portal):
    karim = portal()
    walk_to(karim, KARIM, "verify_code")
    error_of(karim.verify("000000"))
    karim.advance(120)
    karim.logout()
    step = karim.login_as(KARIM, NEW_PASSWORD)["next"]
    assert step["attempts_left"] == 4
    assert step["step"] == "verify_code"


def test_an_expired_code_still_owes_verify_code(portal):
    karim = portal()
    walk_to(karim, KARIM, "verify_code")
    karim.advance(601)
    karim.logout()
    step = karim.login_as(KARIM, NEW_PASSWORD)["next"]
    assert step["step"] == "verify_code"


# Each submission with the body it needs, and the step it belongs to.
SUBMISSIONS = [
    ("POST", "/journey/migration_intro/start", None, "migration_intro"),
    ("POST", "/journey/accept_terms", {"version": "2021-10", "accepted": True}, "accept_terms"),
    (
        "POST",
        "/journey/choose_password",
        {"password": NEW_PASSWORD, "confirmation": NEW_PASSWORD},
        "choose_password",
    ),
    ("PUT", "/journey/contact", {"phone": "06 12 34 56 78"}, "confirm_contact"),
    ("POST", "/journey/confirm_contact", {"channel": "sms"}, "confirm_contact"),
    ("POST", "/journey/verify_code", {"code": CODE}, "verify_code"),
    ("POST", "/journey/verify_code/resend", None, "verify_code"),
    ("POST", "/journey/verify_code/change_contact", None, "verify_code"),
    ("POST", "/journey/account_created/continue", None, "account_created"),
    ("POST", "/journey/spouse_authorisation", {"decision": "skip"}, "spouse_authorisation"),
]


@pytest.mark.parametrize(("method", "path", "body", "owner"), SUBMISSIONS)
def test_a_submission_out_of_its_step_is_a_step_mismatch(portal, method, path, body, owner):
    karim = portal()
    karim.login_as(KARIM)  # owes migration_intro
    if owner == "migration_intro":
        walk_to(karim, KARIM, "accept_terms")
    response = karim.request(method, path, body)
    assert response.status_code == 409, response.text
    error = error_of(response)
    assert error["code"] == "step_mismatch"
    assert "étape en cours" in error["message"]


def test_dashboard_waits_for_the_end_of_the_journey(portal):
    karim = portal()
    karim.login_as(KARIM)
    response = karim.get("/account/dashboard")
    assert response.status_code == 409
    assert error_of(response)["code"] == "step_mismatch"


@pytest.mark.parametrize("persona", [PAUL, ZOHRA], ids=["single", "spouse"])
def test_only_a_responsable_in_a_couple_may_authorise(portal, persona):
    session = portal()
    session.login_as(persona)
    response = session.post("/journey/spouse_authorisation", {"decision": "authorise"})
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"


def test_claire_single_by_email_never_meets_the_spouse_step(portal):
    claire = portal()
    step = walk_to(claire, CLAIRE, "verify_code", channel="email")
    assert step["channel"] == "email"
    assert step["destination"] == "claire.moreau@example.com"
    claire.advance(14 * 60)
    assert claire.verify(CODE).json()["next"]["step"] == "account_created"
    step = claire.ok("POST", "/journey/account_created/continue")["next"]
    assert step["step"] == "dashboard"
    dashboard = claire.ok("GET", "/account/dashboard")
    assert dashboard["role"] == "responsable"
    assert dashboard["numero_allocataire"] and len(dashboard["numero_allocataire"]) == 7
    assert 3 <= len(dashboard["payments"]) <= 5
    subjects = [m["subject"] for m in claire.outbox()]
    assert subjects == [
        "Accusé de réception de votre démarche en ligne",
        "Votre code de vérification Caf",
    ]


def test_every_persona_logs_in_where_expected(portal):
    session = portal()
    expected = {"paul": "dashboard", "zohra": "dashboard", "claire": "migration_intro"}
    for persona in (PAUL, ZOHRA, CLAIRE):
        assert session.login_as(persona)["next"]["step"] == expected[persona.key]
    assert LUCAS.password is None


def test_a_member_sees_only_attestations_and_account(stub, portal):
    # Lucas has no account yet; give him one the way « Créer Mon Compte » would end.
    store = stub.context.store
    lucas = store.account_by_nir(LUCAS.identifier)
    assert lucas is not None
    now = stub.clock.now()
    store.update_account(
        lucas.id,
        password_hash=hash_secret("Lucas2010x"),
        migration_started_at=now,
        terms_version="2021-10",
        terms_accepted_at=now,
        contact_verified_at=now,
        migrated_at=now,
        created_ack_at=now,
    )
    session = portal()
    assert session.login_as(LUCAS, "Lucas2010x")["next"]["step"] == "dashboard"
    dashboard = session.ok("GET", "/account/dashboard")
    allowed = {s["section"] for s in dashboard["sections"] if s["allowed"]}
    assert allowed == {"attestations", "manage_account"}
    assert dashboard["role"] == "member"
    assert dashboard["payments"] == []
