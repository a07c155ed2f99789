"""A file database keeps accounts, journeys and sessions across a restart of a real uvicorn."""

from __future__ import annotations

import sqlite3

from caf_stub.personas import KARIM, PAUL

from .helpers import error_of
from .journeys import NEW_PASSWORD, walk_to


def test_restart_keeps_accounts_journeys_and_sessions(stub_factory, portal_on, tmp_path):
    db = str(tmp_path / "stub.sqlite3")
    first = stub_factory(db=db)
    karim = portal_on(first)
    walk_to(karim, KARIM, "confirm_contact")
    token = karim.token
    karim.ok("PUT", "/journey/contact", {"email": "k.tadj@example.org"})
    karim.confirm("sms")
    first.stop()
    assert not first.thread.is_alive()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    second = stub_factory(db=db)
    again = portal_on(second)
    again.token = token  # the session survived
    step = again.step()
    assert step["step"] == "verify_code"
    assert step["attempts_left"] == 5
    # The legacy password is gone for good, the new one works, the e-mail change is kept.
    error_of(again.login(KARIM.identifier, KARIM.password or "", expect=401))
    again.login(KARIM.identifier, NEW_PASSWORD)
    again.ok("POST", "/journey/verify_code/change_contact")
    assert again.step()["email"] == "k.tadj@example.org"
    # Other accounts are still there and were not reseeded over.
    paul = portal_on(second)
    assert paul.login_as(PAUL)["next"]["step"] == "dashboard"


def test_a_logged_out_session_stays_ended_after_restart(stub_factory, portal_on, tmp_path):
    db = str(tmp_path / "stub.sqlite3")
    first = stub_factory(db=db)
    paul = portal_on(first)
    paul.login_as(PAUL)
    token = paul.token
    paul.logout()
    first.stop()
    second = stub_factory(db=db)
    again = portal_on(second)
    again.token = token
    assert error_of(again.get("/journey"))["code"] == "session_expired"


def test_reset_reseeds_a_file_database(stub_factory, portal_on, tmp_path):
    running = stub_factory(db=str(tmp_path / "stub.sqlite3"))
    karim = portal_on(running)
    walk_to(karim, KARIM, "confirm_contact")
    karim.http.post("/_stub/reset").raise_for_status()
    assert error_of(karim.get("/journey"))["code"] == "unauthenticated"
    assert karim.login_as(KARIM)["next"]["step"] == "migration_intro"
