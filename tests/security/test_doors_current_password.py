"""The current password asked in « Gérer Mon Compte » (defect 5 of issue 13), over HTTP:
counted and locked as the login counts it, and throttled per client."""

from __future__ import annotations

from caf_stub.personas import PAUL
from tests.stub.helpers import Portal, error_of

from .helpers import WRONG, portal, portal_on

FIXTURES = (portal, portal_on)  # the stub tests' fixtures, used by name below


def change(session: Portal, current: str) -> tuple[int, dict[str, object]]:
    body = {"current_password": current, "password": "Nouveau2027", "confirmation": "Nouveau2027"}
    response = session.post("/account/password", body)
    return response.status_code, error_of(response) if response.status_code != 200 else {}


def test_a_kiosk_visitor_cannot_guess_the_current_password(portal):
    """Paul left his session open at a kiosk; the next visitor tries passwords in « Gérer Mon
    Compte »: after the login's number of failures the account locks and the session ends."""
    visitor: Portal = portal()
    visitor.login_as(PAUL)
    tries = visitor.running.settings.max_login_failures
    for _ in range(tries - 1):
        status, error = change(visitor, WRONG)
        assert (status, error["code"], error["field"]) == (
            401,
            "invalid_credentials",
            "current_password",
        )
    status, error = change(visitor, WRONG)
    assert (status, error["code"]) == (423, "account_locked")
    assert error["locked_until"]
    assert "Réessayez dans 15 minutes" in str(error["message"])
    # The session is over: no more guesses through it, even the right password.
    assert error_of(visitor.get("/account/profile"))["code"] == "session_expired"
    assert change(visitor, PAUL.password or "")[0] in (401, 409)
    # The account is locked as after failed logins (told to the right password only).
    portal().login(PAUL.identifier, PAUL.password or "", expect=423)


def test_current_password_guesses_share_the_client_window(stub_factory, portal_on):
    running = stub_factory(client_max_failures=3, max_login_failures=10)
    visitor: Portal = portal_on(running)
    visitor.login_as(PAUL)
    for _ in range(3):
        assert change(visitor, WRONG)[0] == 401
    status, error = change(visitor, PAUL.password or "")
    assert (status, error["code"]) == (429, "too_many_attempts")
    assert int(str(error["retry_after"])) > 0
    # The same window as the login's: this address cannot try passwords there either.
    assert error_of(visitor.login(PAUL.identifier, WRONG, expect=429))["retry_after"]
