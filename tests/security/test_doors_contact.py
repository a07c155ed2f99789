"""« Modifier mes coordonnées de contact » (issue 13, the same review at the other doors): a
session left open is not enough to move the codes to another phone (the current password is
asked, and counted as the login counts it), and the contact being replaced is told."""

from __future__ import annotations

from caf_stub.personas import PAUL
from tests.stub.helpers import Portal, error_of

from .helpers import WRONG, portal, portal_on

FIXTURES = (portal, portal_on)  # the stub tests' fixtures, used by name below
ATTACKER_PHONE = "07 81 23 45 67"


def new_phone(current_password: str) -> dict[str, str]:
    return {"channel": "sms", "value": ATTACKER_PHONE, "current_password": current_password}


def test_a_session_left_open_cannot_move_the_codes_to_another_phone(portal):
    """The next kiosk visitor finds Paul's session open: without Paul's password no code goes
    to the visitor's phone (which would then take the account through « Mot de passe oublié
    ? »), guesses lock the account as failed logins do, and the session ends."""
    visitor: Portal = portal()
    visitor.login_as(PAUL)
    missing = visitor.post("/account/contact", {"channel": "sms", "value": ATTACKER_PHONE})
    assert (missing.status_code, error_of(missing)["field"]) == (422, "current_password")
    tries = visitor.running.settings.max_login_failures
    for _ in range(tries - 1):
        wrong = visitor.post("/account/contact", new_phone(WRONG))
        assert (wrong.status_code, error_of(wrong)["code"], error_of(wrong)["field"]) == (
            401,
            "invalid_credentials",
            "current_password",
        )
    locked = visitor.post("/account/contact", new_phone(WRONG))
    assert (locked.status_code, error_of(locked)["code"]) == (423, "account_locked")
    assert error_of(visitor.get("/account/profile"))["code"] == "session_expired"
    assert not [m for m in portal().outbox() if m["to"] == "+33781234567"]


def test_the_replaced_phone_is_told_of_the_change(portal):
    visitor: Portal = portal()
    visitor.login_as(PAUL)
    visitor.ok("POST", "/account/contact", new_phone(PAUL.password or ""))
    visitor.ok("POST", "/account/contact/verify", {"code": "123456"})
    notices = [m for m in visitor.outbox() if m["to"] == PAUL.phone]
    assert len(notices) == 1
    assert "vient d'être modifié" in notices[0]["body"]
    assert "123456" not in notices[0]["body"]
