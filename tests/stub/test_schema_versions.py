"""Schema versions are read at start: an older file is migrated, a newer one refused.

``data/schema-v1-karim-at-verify-code.sqlite3`` was written once by the stub of commit 3524c11
(schema version 1, the previous release): Karim walked to « Saisir le code » over HTTP (terms
accepted, password changed to ``NEW_PASSWORD``, an SMS code sent, in the outbox).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from caf_stub import migrations
from caf_stub.database import Database
from caf_stub.migrations import LATEST
from caf_stub.personas import KARIM, PAUL
from caf_stub.store import Store
from caf_stub.testing import CODE

from .helpers import error_of
from .journeys import NEW_PASSWORD

DATA = Path(__file__).parent / "data"
VERSION_1 = DATA / "schema-v1-karim-at-verify-code.sqlite3"


def _version(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _columns(db: Path, table: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def test_a_version_1_file_is_migrated_and_karim_resumes_where_he_was(
    stub_factory, portal_on, tmp_path
):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(VERSION_1, db)
    assert _version(db) == 1
    assert "subject" not in _columns(db, "recovery_flows")

    running = stub_factory(db=str(db))

    assert _version(db) == LATEST
    assert "subject" in _columns(db, "recovery_flows")
    karim = portal_on(running)
    # The password he chose under version 1 is the one that works; the legacy one is gone.
    error_of(karim.login(KARIM.identifier, KARIM.password or "", expect=401))
    assert karim.login(KARIM.identifier, NEW_PASSWORD).json()["next"]["step"] == "verify_code"
    # The SMS sent under version 1 is still in the outbox, and its code still verifies.
    sent = [m for m in karim.outbox() if m["channel"] == "sms"]
    assert len(sent) == 1 and CODE in sent[0]["body"]
    response = karim.verify(CODE)
    assert response.status_code == 200, response.text
    assert response.json()["next"]["step"] == "account_created"
    # What version 2 added works: a login takes a throttle slot, a forgotten-password
    # request is counted by subject.
    paul = portal_on(running)
    assert paul.login_as(PAUL)["next"]["step"] == "dashboard"
    recovery = {"identifier_kind": "nir", "identifier": PAUL.identifier}
    assert paul.ok("POST", "/recovery", recovery)["flow_token"]
    running.stop()

    # Opened again: already at the latest version, nothing re-applied, state kept.
    again = portal_on(stub_factory(db=str(db)))
    assert again.login(KARIM.identifier, NEW_PASSWORD).json()["next"]["step"] == "account_created"


def test_a_file_from_a_newer_stub_is_refused_untouched_with_a_french_message(tmp_path):
    db = tmp_path / "newer.sqlite3"
    shutil.copyfile(VERSION_1, db)
    newer = LATEST + 7
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {newer}")
    before = db.read_bytes()

    finished = subprocess.run(
        [sys.executable, "-m", "caf_stub", "--db", str(db), "--port", "0", "--lang", "fr"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 2, finished.stderr
    assert "Traceback" not in finished.stderr
    assert f"schéma version {newer}" in finished.stderr
    assert f"(version {LATEST})" in finished.stderr
    assert "--db" in finished.stderr and "version plus récente de caf-stub" in finished.stderr
    assert db.read_bytes() == before
    assert not Path(str(db) + "-wal").exists()


def _schema(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's columns (name, type, not null, default, key) and every index's columns."""
    with sqlite3.connect(db) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name"
            )
        ]
        return {
            name: [tuple(row[1:]) for row in conn.execute(f"PRAGMA table_xinfo({name})")]
            or [tuple(row) for row in conn.execute(f"PRAGMA index_xinfo({name})")]
            for name in names
        }


def test_a_migrated_file_has_the_very_schema_of_a_new_one(tmp_path) -> None:
    """Fails when a released migration is edited rather than a new one appended."""
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    shutil.copyfile(VERSION_1, old)
    Store(str(old)).close()
    Store(str(new)).close()
    assert _schema(old) == _schema(new)
    assert _version(old) == _version(new) == LATEST


def test_a_failing_migration_leaves_the_file_at_the_last_version_that_applied(
    tmp_path, monkeypatch
) -> None:
    def half_done(database: Database) -> None:
        database.script("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        raise RuntimeError("migration broken on purpose")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, half_done))
    monkeypatch.setattr(migrations, "LATEST", LATEST + 1)
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(VERSION_1, db)

    with pytest.raises(RuntimeError, match="on purpose"):
        Store(str(db))

    assert _version(db) == LATEST
    assert "half_done" not in _schema(db)


def test_postgresql_is_migrated_once_and_a_newer_schema_is_refused_without_its_password(
    postgres_server,
) -> None:
    url = postgres_server.new_database()  # a copy of the template, migrated to LATEST
    store = Store(url)
    assert store.shared
    store.close()
    with_password = url.replace("postgres@", "postgres:hunter2@")  # trust auth ignores it
    database = Database(with_password)
    with database.write_transaction():
        assert database.schema_version() == LATEST
        database.set_schema_version(LATEST + 1)
    database.close()

    with pytest.raises(migrations.SchemaTooNew) as refused:
        Store(with_password)

    assert f"schéma version {LATEST + 1}" in str(refused.value)
    assert "hunter2" not in str(refused.value) and ":***@" in str(refused.value)
