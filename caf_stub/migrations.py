"""The stub database's schema as numbered migrations, from an empty file to today's.

The database's version (SQLite's ``PRAGMA user_version``, a one-row table on PostgreSQL: see
``database.py``) is the number of the last migration applied. Opening a database applies the
ones after it, each in its own write transaction with the version bumped inside it, so a failure
leaves the database at the last version that fully applied, and workers starting together
apply each migration once. A database of a newer version than this code knows is refused: an
older stub would misread it. The DDL is written once, for SQLite; ``database.ddl`` spells it
for PostgreSQL.

Migrations are only ever appended; one already released is never edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from caf_stub.database import Database, shown

Migration = Callable[[Database], None]


def _statements(sql: str) -> Migration:
    def apply(database: Database) -> None:
        database.script(sql)

    return apply


# Version 1: the schema of the first release that wrote a version (commit 3524c11).
_BASELINE = """
CREATE TABLE IF NOT EXISTS households (
    id INTEGER PRIMARY KEY,
    numero_allocataire TEXT NOT NULL UNIQUE CHECK (length(numero_allocataire) = 7),
    address TEXT NOT NULL,
    situation TEXT NOT NULL CHECK (situation IN ('couple', 'single'))
);
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    nir TEXT UNIQUE CHECK (nir IS NULL OR length(nir) = 15),
    temporary_id TEXT UNIQUE,
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    role TEXT NOT NULL CHECK (role IN ('responsable', 'spouse', 'member')),
    household_id INTEGER NOT NULL REFERENCES households(id),
    phone TEXT,
    email TEXT,
    password_hash TEXT,
    password_is_legacy INTEGER NOT NULL DEFAULT 0,
    migration_started_at TEXT,
    terms_version TEXT,
    terms_accepted_at TEXT,
    contact_verified_at TEXT,
    migrated_at TEXT,
    created_ack_at TEXT,
    spouse_decision TEXT CHECK (spouse_decision IN ('authorise', 'refuse', 'skip')),
    spouse_decided_at TEXT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    CHECK (nir IS NOT NULL OR temporary_id IS NOT NULL)
);
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE TABLE IF NOT EXISTS codes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    purpose TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    destination TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at TEXT,
    cancelled_at TEXT
);
CREATE INDEX IF NOT EXISTS codes_by_account ON codes (account_id, purpose, created_at);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient TEXT NOT NULL,
    subject TEXT,
    body TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts(id)
);
CREATE TABLE IF NOT EXISTS payments (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households(id),
    paid_on TEXT NOT NULL,
    label TEXT NOT NULL,
    amount_cents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL,
    account_id INTEGER,
    at TEXT NOT NULL,
    detail TEXT
);
CREATE TABLE IF NOT EXISTS recovery_flows (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER REFERENCES accounts(id),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    verified_at TEXT,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS idempotent_answers (
    session_hash TEXT NOT NULL,
    key TEXT NOT NULL,
    route TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    body BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (session_hash, key, route)
);
"""


def _throttle_and_signup(database: Database) -> None:
    """Version 2: wrong recovery codes counted per subject, the throttle's slots in the
    database, « Créer Mon Compte » flows. Tolerant of a file already changed by the
    unnumbered upgrade that shipped these at version 1 before versions were read."""
    if "subject" not in database.columns("recovery_flows"):
        database.script("ALTER TABLE recovery_flows ADD COLUMN subject TEXT")
    database.script(_THROTTLE_AND_SIGNUP)


_THROTTLE_AND_SIGNUP = """
CREATE TABLE IF NOT EXISTS throttle_slots (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS throttle_by_bucket ON throttle_slots (bucket, at);
CREATE TABLE IF NOT EXISTS signup_flows (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    household_id INTEGER NOT NULL REFERENCES households(id),
    account_id INTEGER REFERENCES accounts(id),
    person TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    destination TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    finished_at TEXT
);
"""

# Version 3: where each QA consumer of ``/_stub/outbox/next`` stands, per channel and recipient
# ('' for every recipient), so that testers sharing a stub never take each other's messages
# and a restart keeps their place.
_OUTBOX_CURSORS = """
CREATE TABLE IF NOT EXISTS outbox_cursors (
    consumer TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient TEXT NOT NULL,
    last_id INTEGER NOT NULL,
    PRIMARY KEY (consumer, channel, recipient)
);
"""

# Version 4: the spouse's rights granted one by one, and the declarations and benefit requests
# recorded in a household's file (issue 18).
_RIGHTS_AND_FILINGS = """
CREATE TABLE IF NOT EXISTS spouse_rights (
    responsable_id INTEGER NOT NULL REFERENCES accounts(id),
    right_name TEXT NOT NULL,
    granted INTEGER NOT NULL,
    PRIMARY KEY (responsable_id, right_name)
);
CREATE TABLE IF NOT EXISTS filings (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    household_id INTEGER NOT NULL REFERENCES households(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL CHECK (kind IN ('declaration', 'benefit_request')),
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    lines TEXT NOT NULL,
    received_at TEXT NOT NULL,
    emailed_to TEXT,
    status TEXT NOT NULL
);
"""

# Version 5: the QA state every worker must share and a restart must keep (issue 17): the
# clock's offset or frozen instant (one row), the faults in force (each rule as JSON, so that a
# new kind of fault needs no new column), the request journal (each entry as JSON), the
# FranceConnect sign-ins under way and the demo provider's key (one row of JSON).
_SHARED_QA_STATE = """
CREATE TABLE IF NOT EXISTS qa_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    offset_us BIGINT NOT NULL,
    frozen_at TEXT
);
CREATE TABLE IF NOT EXISTS faults (
    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    remaining INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS journal (
    id INTEGER PRIMARY KEY,
    entry TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS franceconnect_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL
);
"""

# Version 6: the fixed verification code QA sets (PUT /_stub/fixed-code), shared by every
# worker as the clock is: each worker kept its own, so the PUT reached one of them.
_SHARED_FIXED_CODE = """
CREATE TABLE IF NOT EXISTS qa_fixed_code (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    _statements(_BASELINE),
    _throttle_and_signup,
    _statements(_OUTBOX_CURSORS),
    _statements(_RIGHTS_AND_FILINGS),
    _statements(_SHARED_QA_STATE),
    _statements(_SHARED_FIXED_CODE),
)
"""``MIGRATIONS[n - 1]`` brings a database from version ``n - 1`` to version ``n``."""

LATEST = len(MIGRATIONS)


@dataclass
class SchemaTooNew(Exception):
    """The file was written by a newer stub than this one."""

    path: str
    found: int
    known: int

    def __str__(self) -> str:
        return (
            f"La base de données {self.path} est au schéma version {self.found}, plus récente "
            f"que celle que ce caf-stub connaît (version {self.known}) : elle a été écrite par "
            "une version plus récente de caf-stub. Lancez cette version-là, ou donnez un autre "
            "fichier avec --db (un fichier absent est créé) ; le fichier n'a pas été modifié."
        )


def migrate(database: Database) -> int:
    """Bring ``database`` to ``LATEST``; the version it had.

    Raises :class:`SchemaTooNew`, the database untouched, when it is newer than ``LATEST``.
    """
    with database.write_transaction():  # read the version with no other writer between
        found = database.schema_version()
        if found > LATEST:
            raise SchemaTooNew(path=shown(database.db), found=found, known=LATEST)
    for version in range(found + 1, LATEST + 1):
        with database.write_transaction():
            if database.schema_version() < version:  # another worker may have just applied it
                MIGRATIONS[version - 1](database)
                database.set_schema_version(version)
    return found
