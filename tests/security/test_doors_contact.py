"""« Modifier mes coordonnées de contact » (issue 13, the same review at the other doors): the
contact being replaced is told, so that a change made from a session left open is noticed."""

from __future__ import annotations

from caf_stub.personas import PAUL
from tests.stub.helpers import Portal

from .helpers import portal, portal_on

FIXTURES = (portal, portal_on)  # the stub tests' fixtures, used by name below


def test_the_replaced_phone_is_told_of_the_change(portal):
    visitor: Portal = portal()
    visitor.login_as(PAUL)
    visitor.ok("POST", "/account/contact", {"channel": "sms", "value": "07 81 23 45 67"})
    visitor.ok("POST", "/account/contact/verify", {"code": "123456"})
    notices = [m for m in visitor.outbox() if m["to"] == PAUL.phone]
    assert len(notices) == 1
    assert "vient d'être modifié" in notices[0]["body"]
    assert "123456" not in notices[0]["body"]
