"""Bearer sessions: required, ended by logout, idle and absolute expiry on the stub's clock."""

from __future__ import annotations

from datetime import datetime

from caf_stub.personas import KARIM, PAUL

from .helpers import Portal, error_of


def expiry_message(session: Portal) -> str:
    """What the stub says when ``session``, expired, asks for the journey."""
    response = session.get("/journey")
    assert response.status_code == 401
    error = error_of(response)
    assert error["code"] == "session_expired"
    return str(error["message"])


def test_no_token_is_unauthenticated(portal):
    session = portal()
    for method, path in [
        ("GET", "/journey"),
        ("GET", "/account/dashboard"),
        ("POST", "/journey/migration_intro/start"),
        ("POST", "/auth/logout"),
    ]:
        response = session.request(method, path)
        assert response.status_code == 401, path
        assert error_of(response)["code"] == "unauthenticated"
        assert response.headers["www-authenticate"] == "Bearer"


def test_unknown_token_is_unauthenticated(portal):
    session = portal()
    session.token = "not-a-token-the-server-gave"
    response = session.get("/journey")
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthenticated"


def test_logout_ends_the_session_on_the_server(portal):
    session = portal()
    session.login_as(PAUL)
    token = session.token
    response = session.logout()
    assert response.status_code == 204
    assert response.content == b""
    assert response.headers["x-caf-stub"] == "1"
    again = portal()
    again.token = token
    refused = again.get("/account/dashboard")
    assert refused.status_code == 401
    assert error_of(refused)["code"] == "session_expired"


def test_logout_leaves_other_sessions_alone(portal):
    first, second = portal(), portal()
    first.login_as(PAUL)
    second.login_as(PAUL)
    assert first.logout().status_code == 204
    assert second.step()["step"] == "dashboard"


def test_idle_for_thirty_minutes_expires(portal):
    session = portal()
    session.login_as(PAUL)
    session.advance(30 * 60)
    assert session.step()["step"] == "dashboard"  # exactly 30 minutes idle is still fine
    session.advance(30 * 60 + 1)
    assert "30 minutes" in expiry_message(session)
    # Once expired, it stays ended even if the clock were to be set back.
    session.advance(-3600)
    assert error_of(session.get("/journey"))["code"] == "session_expired"


def test_activity_keeps_the_session_until_twelve_hours(portal):
    session = portal()
    session.login_as(KARIM)
    for _ in range(28):  # 28 x 25 min = 11 h 40
        session.advance(25 * 60)
        assert session.step()["step"] == "migration_intro"
    session.advance(25 * 60)  # 12 h 05 since login
    assert "12 heures" in expiry_message(session)


def test_server_time_follows_the_clock(portal):
    session = portal()
    session.login_as(PAUL)
    now = session.advance(90)
    body = session.ok("GET", "/journey")
    assert datetime.fromisoformat(body["server_time"]) == now
