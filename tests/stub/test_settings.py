"""Settings change what the stub enforces and announces."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from caf_stub.personas import HUGO, KARIM, PAUL
from caf_stub.settings import StubSettings
from caf_stub.testing import START

from .helpers import error_of
from .journeys import walk_to


def test_a_longer_minimum_shows_in_the_policy_and_the_refusal(stub_factory, portal_on):
    running = stub_factory(password_min_length=10)
    karim = portal_on(running)
    step = walk_to(karim, KARIM, "choose_password")
    assert step["policy"]["min_length"] == 10
    body = {"password": "Abcdefg12", "confirmation": "Abcdefg12"}  # 9 characters
    error = error_of(karim.post("/journey/choose_password", body))
    assert error["code"] == "password_policy"
    assert error["failed_rules"] == ["length"]
    assert "10 à 24 caractères" in error["message"]
    body = {"password": "Abcdefg123", "confirmation": "Abcdefg123"}
    assert karim.ok("POST", "/journey/choose_password", body)["next"]["step"] == "confirm_contact"


def test_lock_length_and_failure_count_follow_the_settings(stub_factory, portal_on):
    running = stub_factory(max_login_failures=2, lock_minutes=3)
    session = portal_on(running)
    # Hugo's seeded lock follows lock_minutes too.
    error = error_of(session.login(HUGO.identifier, HUGO.password or "", expect=423))
    assert datetime.fromisoformat(error["locked_until"]) == START + timedelta(minutes=3)
    session.login(PAUL.identifier, "Wrong1234", expect=401)
    session.login(PAUL.identifier, "Wrong1234", expect=401)  # the lock is not told…
    error = error_of(session.login(PAUL.identifier, PAUL.password or "", expect=423))
    assert "Réessayez dans 3 minutes." in error["message"]  # …but to the right password


def test_short_idle_timeout(stub_factory, portal_on):
    running = stub_factory(idle_timeout_seconds=60)
    session = portal_on(running)
    assert session.login_as(PAUL)["session"]["idle_timeout_seconds"] == 60
    session.advance(61)
    assert error_of(session.get("/journey"))["code"] == "session_expired"


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("CAF_STUB_DB", ":memory:")
    monkeypatch.setenv("CAF_STUB_FIXED_CODE", "654321")
    monkeypatch.setenv("CAF_STUB_PASSWORD_MIN_LENGTH", "12")
    monkeypatch.setenv("CAF_STUB_FROZEN", "true")
    settings = StubSettings()
    assert (settings.db, settings.fixed_code, settings.password_min_length, settings.frozen) == (
        ":memory:",
        "654321",
        12,
        True,
    )


def test_default_database_lives_in_the_user_data_dir(monkeypatch):
    monkeypatch.delenv("CAF_STUB_DB", raising=False)
    assert StubSettings().db.endswith("stub.sqlite3")
    assert "caf-tui" in StubSettings().db


@pytest.mark.parametrize("code", ["12345", "abcdef"])
def test_a_malformed_fixed_code_setting_is_refused(code):
    with pytest.raises(ValueError):
        StubSettings(fixed_code=code)


def test_min_above_max_is_refused():
    with pytest.raises(ValueError):
        StubSettings(password_min_length=30, password_max_length=24)
