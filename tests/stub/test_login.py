"""POST /auth/login over real HTTP: identifiers, credentials, lockout."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from caf_stub.personas import AMINA, ANGELA, CLAIRE, HUGO, KARIM, LUCAS, PAUL
from caf_stub.testing import START as STUB_START
from caf_tui import rules
from caf_tui.api import IdentifierKind

from .helpers import error_of


def test_paul_migrated_lands_on_dashboard(portal):
    body = portal().login_as(PAUL)
    assert body["next"] == {"step": "dashboard", "progress": None}
    assert datetime.fromisoformat(body["server_time"]) == STUB_START
    session = body["session"]
    assert len(session["token"]) >= 43  # 32 bytes, base64url
    assert datetime.fromisoformat(session["expires_at"]) == STUB_START + timedelta(hours=12)
    assert session["idle_timeout_seconds"] == 1800


def test_karim_not_migrated_starts_with_the_intro(portal):
    body = portal().login_as(KARIM)
    step = body["next"]
    assert step["step"] == "migration_intro"
    assert step["stages"] == ["accept_terms", "choose_password", "confirm_contact"]
    assert (step["minutes_min"], step["minutes_max"]) == (5, 10)


@pytest.mark.parametrize(
    "typed",
    ["1830599999011", "183059999901172", "1 83 05 99 999 011 72", "1 83 05 99 999 011"],
    ids=["13 digits", "15 digits", "spaced 15", "spaced 13"],
)
def test_every_way_of_typing_the_nir(portal, typed):
    body = portal().login(typed, KARIM.password or "").json()
    assert body["next"]["step"] == "migration_intro"


def test_amina_with_her_temporary_identifier(portal):
    session = portal()
    body = session.login("t00000042", AMINA.password or "", "temporary").json()
    assert body["next"]["step"] == "dashboard"
    dashboard = session.ok("GET", "/account/dashboard")
    assert dashboard["person"] == {"family_name": "DIALLO", "given_names": "Amina"}


def test_temporary_identifier_is_not_a_nir(portal):
    response = portal().login("T00000042", AMINA.password or "", "nir", expect=422)
    assert error_of(response)["code"] == "invalid_identifier"


def test_wrong_password_and_unknown_nir_answer_the_same(portal):
    unknown = rules.normalise_nir("1990599999099")  # well formed, nobody has it
    session = portal()
    wrong = error_of(session.login(PAUL.identifier, "Wrong12345", expect=401))
    nobody = error_of(session.login(unknown, "Wrong12345", expect=401))
    assert wrong == nobody
    assert wrong["code"] == "invalid_credentials"
    assert wrong["message"] == "Identifiant ou mot de passe incorrect."
    assert wrong["field"] is None


@pytest.mark.parametrize("typed", ["18305", "1830599999011999", "183059999901199", "1A3059999"])
def test_malformed_nir_is_refused_with_the_rule_message(portal, typed):
    response = portal().login(typed, "whatever1A", expect=422)
    error = error_of(response)
    assert error["code"] == "invalid_identifier"
    assert error["field"] == "identifier"
    with pytest.raises(rules.RuleError) as expected:
        rules.normalise_identifier(IdentifierKind.NIR, typed)
    assert error["message"] == expected.value.message


def test_people_without_a_caf_password_cannot_log_in(portal):
    session = portal()
    for persona in (ANGELA, LUCAS):
        for attempt in ("", "12345678", "Angela1962"):
            response = session.login(persona.identifier, attempt or "x", expect=401)
            assert error_of(response)["code"] == "invalid_credentials"


def test_hugo_is_locked_until_fifteen_minutes_after_the_seed(portal):
    session = portal()
    response = session.login(HUGO.identifier, HUGO.password or "", expect=423)
    error = error_of(response)
    assert error["code"] == "account_locked"
    assert datetime.fromisoformat(error["locked_until"]) == STUB_START + timedelta(minutes=15)
    assert error["message"] == (
        "Votre compte est bloqué suite à plusieurs erreurs de mot de passe. "
        "Réessayez dans 15 minutes."
    )
    session.advance(14 * 60)
    error = error_of(session.login(HUGO.identifier, HUGO.password or "", expect=423))
    assert "Réessayez dans 1 minute." in error["message"]
    session.advance(60)
    body = session.login(HUGO.identifier, HUGO.password or "").json()
    assert body["next"]["step"] == "migration_intro"


def test_five_failures_lock_and_the_lock_ends(portal):
    session = portal()
    # A wrong password never tells the lock (an unknown identifier answers the same).
    for _ in range(6):
        error = error_of(session.login(CLAIRE.identifier, "00000000", expect=401))
        assert error["code"] == "invalid_credentials"
    # The right password is refused while locked, and only it is told why.
    locked = error_of(session.login(CLAIRE.identifier, CLAIRE.password or "", expect=423))
    assert locked["code"] == "account_locked"
    assert datetime.fromisoformat(locked["locked_until"]) == STUB_START + timedelta(minutes=15)
    session.advance(15 * 60)
    # The counter starts afresh: four more failures do not lock.
    for _ in range(4):
        error_of(session.login(CLAIRE.identifier, "00000000", expect=401))
    assert session.login_as(CLAIRE)["next"]["step"] == "migration_intro"


def test_a_success_resets_the_failure_count(portal):
    session = portal()
    for _ in range(4):
        session.login(PAUL.identifier, "Nope12345", expect=401)
    session.login_as(PAUL)
    for _ in range(4):
        session.login(PAUL.identifier, "Nope12345", expect=401)
    session.login_as(PAUL)


def test_missing_password_field_is_a_validation_error(stub, portal):
    response = portal().http.post("/api/v1/auth/login", json={"identifier": PAUL.identifier})
    error = error_of(response)
    assert response.status_code == 422
    assert (error["code"], error["field"]) == ("validation_error", "password")
