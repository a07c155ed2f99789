"""The stub's database: households, accounts, sessions, codes, outbox, payments, audit, and
the QA state every worker must share.

SQLite (a file, or ``:memory:`` for the tests) or PostgreSQL, through SQLAlchemy Core: what
differs between them is in ``database.py``. Its schema is made and upgraded by the numbered
migrations of ``migrations.py``.

One connection per process guarded by a re-entrant lock, since uvicorn runs endpoints in worker
threads; several processes (``caf-stub --workers``) share a PostgreSQL database, their write
transactions made serial by ``Database.write_transaction``. A SQLite file uses WAL. Times are
stored as ISO 8601 UTC text of a fixed width, so that they also compare as text.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import CursorResult, RowMapping

from caf_stub.database import Database
from caf_stub.migrations import migrate
from caf_stub.settings import MEMORY
from caf_tui.api import Channel, OutboxMessage, Payment, Role, SpouseDecision

T = TypeVar("T")

_TABLES = (
    "journal",
    "faults",
    "spouse_rights",
    "filings",
    "outbox_cursors",
    "idempotent_answers",
    "throttle_slots",
    "signup_flows",
    "recovery_flows",
    "audit",
    "outbox",
    "codes",
    "sessions",
    "payments",
    "accounts",
    "households",
)


def to_text(moment: datetime) -> str:
    """A fixed-width UTC text for ``moment`` (aware, or naive taken as UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _required(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _check_columns(table: str, fields: Mapping[str, object], kind: type) -> None:
    """Refuse a column that is not a field of ``kind`` (its ``id`` neither): the names are
    written into the SQL."""
    known = {field.name for field in dataclasses.fields(kind)} - {"id"}
    unknown = set(fields) - known
    if unknown:
        raise ValueError(f"unknown {table} columns: {sorted(unknown)}")


def _sql_value(value: object) -> object:
    if isinstance(value, datetime):
        return to_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Enum):
        return value.value
    return value


@dataclass(frozen=True)
class Household:
    id: int
    numero_allocataire: str
    address: str
    situation: str


@dataclass(frozen=True)
class Account:
    id: int
    nir: str | None
    temporary_id: str | None
    family_name: str
    given_names: str
    birth_date: date
    gender: str
    role: Role
    household_id: int
    phone: str | None
    email: str | None
    password_hash: str | None
    password_is_legacy: bool
    migration_started_at: datetime | None
    terms_version: str | None
    terms_accepted_at: datetime | None
    contact_verified_at: datetime | None
    migrated_at: datetime | None
    created_ack_at: datetime | None
    spouse_decision: SpouseDecision | None
    spouse_decided_at: datetime | None
    failed_logins: int
    locked_until: datetime | None


@dataclass(frozen=True)
class Session:
    id: int
    token_hash: str
    account_id: int
    created_at: datetime
    last_seen_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class Code:
    id: int
    account_id: int
    purpose: str
    channel: Channel
    destination: str
    code_hash: str
    created_at: datetime
    expires_at: datetime
    attempts: int
    used_at: datetime | None
    cancelled_at: datetime | None


@dataclass(frozen=True)
class RecoveryFlow:
    """A « Mot de passe oublié ? » request; ``account_id`` is None for an unknown identifier."""

    id: int
    account_id: int | None
    code_hash: str
    created_at: datetime
    expires_at: datetime
    attempts: int
    verified_at: datetime | None
    finished_at: datetime | None
    subject: str
    """Whom the request named (a digest of the identifier typed), known or not: wrong codes
    are counted per subject, across its flows."""


@dataclass(frozen=True)
class SignupFlow:
    """A « Créer Mon Compte » request waiting for the code sent to a contact already on file.

    ``account_id`` is the member's row when the file has one (a NIR); else None, and ``person``
    (JSON) holds what the member account will be made of once the code comes back.
    """

    id: int
    household_id: int
    account_id: int | None
    person: str
    code_hash: str
    channel: Channel
    destination: str
    created_at: datetime
    expires_at: datetime
    attempts: int
    finished_at: datetime | None


@dataclass(frozen=True)
class Filing:
    """A declaration or a benefit request recorded in the household's file."""

    id: int
    reference: str
    account_id: int
    kind: str
    subject: str
    title: str
    lines: str
    received_at: datetime
    emailed_to: str | None
    status: str


def _reader(kind: type[T]) -> Callable[[Mapping[Any, Any]], T]:
    """How a row of ``kind``'s table becomes a ``kind``: pydantic reads the ISO 8601 times,
    the dates, the enums and the 0/1 flags as the fields' types say; a column the type has no
    field for is left out."""
    adapter = TypeAdapter(kind)

    def read(row: Mapping[Any, Any]) -> T:
        return adapter.validate_python(dict(row))

    return read


_account = _reader(Account)
_session = _reader(Session)
_code = _reader(Code)
_recovery_flow = _reader(RecoveryFlow)
_signup_flow = _reader(SignupFlow)
_filing = _reader(Filing)
_payment = _reader(Payment)


def _message(row: RowMapping) -> OutboxMessage:
    return OutboxMessage.model_validate({**row, "to": row["recipient"]})


class Store:
    """All reads and writes of the stub's data. Safe to share between threads."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        self._db = Database(path)
        with self._lock:
            try:
                # Before WAL, which would already write to a file refused as too new.
                migrate(self._db)
            except BaseException:
                self._db.close()
                raise
            if not self._db.postgres and path != MEMORY:
                self._db.conn.exec_driver_sql("PRAGMA journal_mode = WAL")
                self._db.conn.exec_driver_sql("PRAGMA synchronous = NORMAL")

    @property
    def shared(self) -> bool:
        """Whether several processes may serve this database at once (PostgreSQL)."""
        return self._db.postgres

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock and one write transaction; nested uses join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with self._db.write_transaction():
                self._depth = 1
                try:
                    yield
                finally:
                    self._depth = 0

    def _run(
        self, sql: str, params: Mapping[str, object] | tuple[object, ...] = ()
    ) -> CursorResult[Any]:
        with self._lock:
            return self._db.run(sql, params)

    def _one(
        self, sql: str, params: Mapping[str, object] | tuple[object, ...] = ()
    ) -> RowMapping | None:
        with self._lock:
            return self._db.one(sql, params)

    def _all(
        self, sql: str, params: Mapping[str, object] | tuple[object, ...] = ()
    ) -> list[RowMapping]:
        with self._lock:
            return self._db.all(sql, params)

    def _insert(self, table: str, values: Mapping[str, object], *, returning: bool = True) -> int:
        columns = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        params = {name: _sql_value(value) for name, value in values.items()}
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        if not returning:
            self._run(sql, params)
            return 0
        with self._lock:
            return int(self._db.run(sql + " RETURNING id", params).scalar_one())

    def _update(self, table: str, row_id: int, fields: Mapping[str, object], kind: type) -> None:
        """Set ``fields`` of the row ``row_id`` of ``table``, fields of ``kind``."""
        _check_columns(table, fields, kind)
        if not fields:
            return
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        params: dict[str, object] = {name: _sql_value(v) for name, v in fields.items()}
        params["_id"] = row_id
        self._run(f"UPDATE {table} SET {assignments} WHERE id = :_id", params)

    def _by_token(self, table: str, token_hash: str) -> RowMapping | None:
        return self._one(f"SELECT * FROM {table} WHERE token_hash = ?", (token_hash,))

    def _count(self, table: str, where: str, params: tuple[object, ...] = ()) -> int:
        """How many rows of ``table`` match ``where``."""
        row = self._one(f"SELECT count(*) AS n FROM {table} WHERE {where}", params)
        return 0 if row is None else int(row["n"])

    # --- whole database --------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self._count("accounts", "TRUE") == 0

    def wipe(self) -> None:
        """Delete every row of every table (the schema stays)."""
        with self.transaction():
            self._db.wipe(_TABLES)

    # --- households, accounts, payments ------------------------------------------------------

    def insert_household(self, numero_allocataire: str, address: str, situation: str) -> int:
        return self._insert(
            "households",
            {"numero_allocataire": numero_allocataire, "address": address, "situation": situation},
        )

    def household(self, household_id: int) -> Household | None:
        row = self._one("SELECT * FROM households WHERE id = ?", (household_id,))
        if row is None:
            return None
        return Household(row["id"], row["numero_allocataire"], row["address"], row["situation"])

    def household_by_numero(self, numero_allocataire: str) -> Household | None:
        row = self._one(
            "SELECT id FROM households WHERE numero_allocataire = ?", (numero_allocataire,)
        )
        return None if row is None else self.household(row["id"])

    def insert_account(self, **fields: object) -> int:
        _check_columns("accounts", fields, Account)
        return self._insert("accounts", fields)

    def account(self, account_id: int) -> Account | None:
        row = self._one("SELECT * FROM accounts WHERE id = ?", (account_id,))
        return None if row is None else _account(row)

    def account_by_nir(self, nir: str) -> Account | None:
        row = self._one("SELECT * FROM accounts WHERE nir = ?", (nir,))
        return None if row is None else _account(row)

    def account_by_temporary_id(self, temporary_id: str) -> Account | None:
        row = self._one("SELECT * FROM accounts WHERE temporary_id = ?", (temporary_id,))
        return None if row is None else _account(row)

    def household_accounts(self, household_id: int) -> list[Account]:
        rows = self._all(
            "SELECT * FROM accounts WHERE household_id = ? ORDER BY id", (household_id,)
        )
        return [_account(row) for row in rows]

    def update_account(self, account_id: int, **fields: object) -> None:
        self._update("accounts", account_id, fields, Account)

    def count_failed_login(self, account_id: int) -> int:
        """Add one to the account's consecutive failures and return the new count."""
        with self.transaction():
            self._run(
                "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = ?", (account_id,)
            )
            row = self._one("SELECT failed_logins FROM accounts WHERE id = ?", (account_id,))
        return 0 if row is None else int(row["failed_logins"])

    def insert_payment(
        self, household_id: int, paid_on: date, label: str, amount_cents: int
    ) -> int:
        return self._insert(
            "payments",
            {
                "household_id": household_id,
                "paid_on": paid_on,
                "label": label,
                "amount_cents": amount_cents,
            },
        )

    def payments(self, household_id: int) -> list[Payment]:
        rows = self._all(
            "SELECT paid_on, label, amount_cents FROM payments WHERE household_id = ?"
            " ORDER BY paid_on DESC, id DESC",
            (household_id,),
        )
        return [_payment(row) for row in rows]

    # --- sessions ---------------------------------------------------------------------------

    def insert_session(self, token_hash: str, account_id: int, now: datetime) -> int:
        return self._insert(
            "sessions",
            {
                "token_hash": token_hash,
                "account_id": account_id,
                "created_at": now,
                "last_seen_at": now,
            },
        )

    def session_by_token_hash(self, token_hash: str) -> Session | None:
        row = self._by_token("sessions", token_hash)
        return None if row is None else _session(row)

    def touch_session(self, session_id: int, now: datetime) -> None:
        self._run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", (to_text(now), session_id))

    def end_session(self, session_id: int, now: datetime) -> None:
        self._run(
            "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
            (to_text(now), session_id),
        )

    def account_sessions(self, account_id: int, limit: int = 10) -> list[Session]:
        """The account's latest sessions, newest first."""
        rows = self._all(
            "SELECT * FROM sessions WHERE account_id = ? ORDER BY id DESC LIMIT ?",
            (account_id, limit),
        )
        return [_session(row) for row in rows]

    def end_account_sessions(
        self, account_id: int, now: datetime, *, keep: int | None = None
    ) -> int:
        """End every open session of the account (but ``keep``); how many were ended."""
        cursor = self._run(
            "UPDATE sessions SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL"
            " AND id IS DISTINCT FROM ?",
            (to_text(now), account_id, keep),
        )
        return cursor.rowcount

    # --- verification codes -----------------------------------------------------------------

    def insert_code(
        self,
        *,
        account_id: int,
        purpose: str,
        channel: Channel,
        destination: str,
        code_hash: str,
        created_at: datetime,
        expires_at: datetime,
    ) -> int:
        return self._insert(
            "codes",
            {
                "account_id": account_id,
                "purpose": purpose,
                "channel": channel,
                "destination": destination,
                "code_hash": code_hash,
                "created_at": created_at,
                "expires_at": expires_at,
            },
        )

    def pending_code(self, account_id: int, purpose: str) -> Code | None:
        """The latest code neither used nor cancelled (it may have expired)."""
        row = self._one(
            "SELECT * FROM codes WHERE account_id = ? AND purpose = ?"
            " AND used_at IS NULL AND cancelled_at IS NULL ORDER BY id DESC LIMIT 1",
            (account_id, purpose),
        )
        return None if row is None else _code(row)

    def code(self, code_id: int) -> Code | None:
        row = self._one("SELECT * FROM codes WHERE id = ?", (code_id,))
        return None if row is None else _code(row)

    def update_code(self, code_id: int, **fields: object) -> None:
        self._update("codes", code_id, fields, Code)

    def cancel_codes(self, account_id: int, purpose: str, now: datetime) -> None:
        self._run(
            "UPDATE codes SET cancelled_at = ? WHERE account_id = ? AND purpose = ?"
            " AND used_at IS NULL AND cancelled_at IS NULL",
            (to_text(now), account_id, purpose),
        )

    def code_times_since(self, account_id: int, purpose: str, since: datetime) -> list[datetime]:
        """When codes were created for this account and purpose after ``since``, oldest first."""
        rows = self._all(
            "SELECT created_at FROM codes WHERE account_id = ? AND purpose = ? AND created_at > ?"
            " ORDER BY created_at",
            (account_id, purpose, to_text(since)),
        )
        return [_required(row["created_at"]) for row in rows]

    # --- forgotten-password flows ------------------------------------------------------------

    def insert_recovery_flow(self, **fields: object) -> int:
        return self._insert("recovery_flows", fields)

    def recovery_flow(self, token_hash: str) -> RecoveryFlow | None:
        row = self._by_token("recovery_flows", token_hash)
        if row is None:
            return None
        return _recovery_flow({**row, "subject": row["subject"] or f"flow:{row['id']}"})

    def update_recovery_flow(self, flow_id: int, **fields: object) -> None:
        self._update("recovery_flows", flow_id, fields, RecoveryFlow)

    def recovery_flows_since(self, account_id: int, since: datetime) -> int:
        where = "account_id = ? AND created_at > ?"
        return self._count("recovery_flows", where, (account_id, to_text(since)))

    def recovery_subject_flows_since(self, subject: str, since: datetime) -> int:
        where = "subject = ? AND created_at > ?"
        return self._count("recovery_flows", where, (subject, to_text(since)))

    # --- « Créer Mon Compte » flows ------------------------------------------------------------

    def insert_signup_flow(self, **fields: object) -> int:
        return self._insert("signup_flows", fields)

    def signup_flow(self, token_hash: str) -> SignupFlow | None:
        row = self._by_token("signup_flows", token_hash)
        return None if row is None else _signup_flow(row)

    def update_signup_flow(self, flow_id: int, **fields: object) -> None:
        self._update("signup_flows", flow_id, fields, SignupFlow)

    def signup_flows_since(self, household_id: int, since: datetime) -> int:
        where = "household_id = ? AND created_at > ?"
        return self._count("signup_flows", where, (household_id, to_text(since)))

    # --- throttle windows (see throttle.py) ------------------------------------------------------

    def take_slot(
        self, bucket: str, now: datetime, since: datetime, limit: int
    ) -> tuple[int | None, datetime | None]:
        """(the new slot's id, None), or (None, when the oldest slot was taken) when the
        ``limit`` slots taken after ``since`` are all in use. One transaction: two requests at
        once cannot both take the last slot."""
        with self.transaction():
            self._run(
                "DELETE FROM throttle_slots WHERE bucket = ? AND at <= ?", (bucket, to_text(since))
            )
            rows = self._all(
                "SELECT at FROM throttle_slots WHERE bucket = ? ORDER BY at LIMIT ?",
                (bucket, limit),
            )
            if len(rows) >= limit:
                return None, _required(rows[0]["at"])
            return self._insert("throttle_slots", {"bucket": bucket, "at": now}), None

    def release_slot(self, slot_id: int) -> None:
        self._run("DELETE FROM throttle_slots WHERE id = ?", (slot_id,))

    def count_slots(self, bucket: str, since: datetime) -> int:
        return self._count("throttle_slots", "bucket = ? AND at > ?", (bucket, to_text(since)))

    def clear_slots(self, bucket: str) -> None:
        self._run("DELETE FROM throttle_slots WHERE bucket = ?", (bucket,))

    # --- outbox and audit -------------------------------------------------------------------

    def add_message(
        self,
        account_id: int | None,
        channel: Channel,
        to: str,
        subject: str | None,
        body: str,
        sent_at: datetime,
    ) -> int:
        """A message "sent" by ``channel`` to ``to``, about ``account_id``: into the outbox."""
        return self._insert(
            "outbox",
            {
                "channel": channel,
                "recipient": to,
                "subject": subject,
                "body": body,
                "sent_at": sent_at,
                "account_id": account_id,
            },
        )

    def messages(self, account_id: int | None = None) -> list[OutboxMessage]:
        """Messages "sent", newest first; only one account's when ``account_id`` is given."""
        if account_id is None:
            rows = self._all("SELECT * FROM outbox ORDER BY id DESC")
        else:
            rows = self._all(
                "SELECT * FROM outbox WHERE account_id = ? ORDER BY id DESC", (account_id,)
            )
        return [_message(row) for row in rows]

    def take_next_message(
        self, consumer: str, channel: Channel, recipient: str | None
    ) -> OutboxMessage | None:
        """The newest message of ``channel`` (to ``recipient``, any case, when given) after
        ``consumer``'s cursor for them, the cursor moved onto it. One transaction: two
        requests of one consumer never both take the same message."""
        key = recipient or ""
        if self._newest_for_cursor(consumer, channel, key) is None:
            return None  # the common case of a waiter's poll: no write lock taken
        with self.transaction():
            row = self._newest_for_cursor(consumer, channel, key)
            if row is None:  # another request of this consumer took it meanwhile
                return None
            self._run(
                "INSERT INTO outbox_cursors (consumer, channel, recipient, last_id)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (consumer, channel, recipient)"
                " DO UPDATE SET last_id = excluded.last_id",
                (consumer, channel.value, key, row["id"]),
            )
        return _message(row)

    def _newest_for_cursor(
        self, consumer: str, channel: Channel, recipient: str
    ) -> RowMapping | None:
        return self._one(
            "SELECT outbox.* FROM outbox LEFT JOIN outbox_cursors AS place"
            " ON place.consumer = ? AND place.channel = outbox.channel"
            " AND place.recipient = ?"
            " WHERE outbox.channel = ? AND outbox.id > coalesce(place.last_id, 0)"
            " AND (CAST(? AS TEXT) = '' OR lower(outbox.recipient) = lower(?))"
            " ORDER BY outbox.id DESC LIMIT 1",
            (consumer, recipient, channel.value, recipient, recipient),
        )

    def clear_outbox(self) -> None:
        """No message, and so no consumer's place among them (ids start again)."""
        with self.transaction():
            self._run("DELETE FROM outbox")
            self._run("DELETE FROM outbox_cursors")

    def audit(
        self, event: str, account_id: int | None, at: datetime, detail: str | None = None
    ) -> None:
        """Record an event. Never pass a secret (password, code, token) in ``detail``."""
        self._insert(
            "audit", {"event": event, "account_id": account_id, "at": at, "detail": detail}
        )

    def audit_events(
        self, account_id: int | None = None
    ) -> list[tuple[str, int | None, datetime, str | None]]:
        if account_id is None:
            rows = self._all("SELECT * FROM audit ORDER BY id")
        else:
            rows = self._all("SELECT * FROM audit WHERE account_id = ? ORDER BY id", (account_id,))
        return [
            (row["event"], row["account_id"], _required(row["at"]), row["detail"]) for row in rows
        ]

    # --- idempotent answers (see idempotency.py) ----------------------------------------------

    def claim_idempotent_answer(
        self,
        session_hash: str,
        key: str,
        route: str,
        fingerprint: str,
        now: datetime,
        since: datetime,
    ) -> IdempotentAnswer | None:
        """None when this request is the first with its key (the key is now claimed: then
        ``keep_idempotent_answer`` or ``drop_idempotent_claim``); else what the key holds, an
        answer, or a claim still pending (``status`` 0) from another request, of any worker.
        A claim older than ``since`` (its worker died) is taken over."""
        with self.transaction():
            self._run(
                "DELETE FROM idempotent_answers WHERE session_hash = ? AND key = ?"
                " AND route = ? AND created_at <= ?",
                (session_hash, key, route, to_text(since)),
            )
            row = self._one(
                "SELECT fingerprint, status, content_type, body FROM idempotent_answers"
                " WHERE session_hash = ? AND key = ? AND route = ?",
                (session_hash, key, route),
            )
            if row is not None:
                return IdempotentAnswer(
                    row["fingerprint"], row["status"], row["content_type"], bytes(row["body"])
                )
            self._insert(
                "idempotent_answers",
                {
                    "session_hash": session_hash,
                    "key": key,
                    "route": route,
                    "fingerprint": fingerprint,
                    "status": PENDING,
                    "content_type": None,
                    "body": b"",
                    "created_at": now,
                },
                returning=False,
            )
            return None

    def keep_idempotent_answer(
        self,
        *,
        session_hash: str,
        key: str,
        route: str,
        status: int,
        content_type: str | None,
        body: bytes,
        forget_before: datetime,
    ) -> None:
        """The claimed key's answer, kept for replay; and the expired answers dropped."""
        with self.transaction():
            self._run(
                "DELETE FROM idempotent_answers WHERE created_at <= ?", (to_text(forget_before),)
            )
            self._run(
                "UPDATE idempotent_answers SET status = ?, content_type = ?, body = ?"
                " WHERE session_hash = ? AND key = ? AND route = ?",
                (status, content_type, body, session_hash, key, route),
            )

    def drop_pending_claims(self) -> None:
        """At start, no request runs yet: the keys claimed by requests a crash cut short are
        free again, for their retries to run."""
        self._run("DELETE FROM idempotent_answers WHERE status = ?", (PENDING,))

    def drop_idempotent_claim(self, session_hash: str, key: str, route: str) -> None:
        """The answer is not kept (401, 429, 5xx): the next request with the key runs."""
        self._run(
            "DELETE FROM idempotent_answers WHERE session_hash = ? AND key = ? AND route = ?"
            " AND status = ?",
            (session_hash, key, route, PENDING),
        )

    # --- the QA clock, faults and journal, shared by every worker (clock.py, faults.py) --------

    def clock_state(self) -> tuple[timedelta, datetime | None] | None:
        """(offset from the system time, frozen instant or None), or None when never written."""
        row = self._one("SELECT offset_us, frozen_at FROM qa_clock WHERE id = 1")
        if row is None:
            return None
        return timedelta(microseconds=int(row["offset_us"])), from_text(row["frozen_at"])

    def write_clock_state(
        self, offset: timedelta, frozen_at: datetime | None, *, only_if_absent: bool = False
    ) -> None:
        conflict = (
            "NOTHING"
            if only_if_absent
            else ("UPDATE SET offset_us = excluded.offset_us, frozen_at = excluded.frozen_at")
        )
        self._run(
            "INSERT INTO qa_clock (id, offset_us, frozen_at) VALUES (1, ?, ?)"
            f" ON CONFLICT (id) DO {conflict}",
            (offset // timedelta(microseconds=1), _sql_value(frozen_at)),
        )

    def fixed_code(self) -> str | None:
        """The code every new verification code takes, or None (random codes)."""
        row = self._one("SELECT code FROM qa_fixed_code WHERE id = 1")
        return None if row is None or row["code"] is None else str(row["code"])

    def write_fixed_code(self, code: str | None, *, only_if_absent: bool = False) -> None:
        conflict = "NOTHING" if only_if_absent else "UPDATE SET code = excluded.code"
        self._run(
            f"INSERT INTO qa_fixed_code (id, code) VALUES (1, ?) ON CONFLICT (id) DO {conflict}",
            (code,),
        )

    def franceconnect_state(self) -> str | None:
        row = self._one("SELECT state FROM franceconnect_state WHERE id = 1")
        return None if row is None else str(row["state"])

    def write_franceconnect_state(self, state: str) -> None:
        self._run(
            "INSERT INTO franceconnect_state (id, state) VALUES (1, ?)"
            " ON CONFLICT (id) DO UPDATE SET state = excluded.state",
            (state,),
        )

    def add_fault(self, rule: str, remaining: int) -> int:
        return self._insert("faults", {"rule": rule, "remaining": remaining})

    def faults(self) -> list[tuple[int, str, int]]:
        """(id, rule as JSON, uses remaining), first added first."""
        rows = self._all("SELECT id, rule, remaining FROM faults ORDER BY id")
        return [(int(row["id"]), str(row["rule"]), int(row["remaining"])) for row in rows]

    def has_faults(self) -> bool:
        return self._one("SELECT id FROM faults LIMIT 1") is not None

    def use_fault(self, fault_id: int) -> None:
        """One use of the fault consumed; gone after its last."""
        self._run("UPDATE faults SET remaining = remaining - 1 WHERE id = ?", (fault_id,))
        self._run("DELETE FROM faults WHERE id = ? AND remaining <= 0", (fault_id,))

    def clear_faults(self) -> None:
        self._run("DELETE FROM faults")

    def add_journal_entry(self, entry: str, keep: int) -> None:
        """Note a request (JSON), keeping only the last ``keep``. No write lock: every request
        writes here, and two at once only both trim the same old rows."""
        new_id = self._insert("journal", {"entry": entry})
        self._run("DELETE FROM journal WHERE id <= ?", (new_id - keep,))

    def journal_entries(self) -> list[str]:
        return [str(row["entry"]) for row in self._all("SELECT entry FROM journal ORDER BY id")]

    def clear_journal(self) -> None:
        self._run("DELETE FROM journal")

    # --- the spouse's rights one by one, declarations, benefit requests (issue 18) ------------

    def granted_spouse_rights(self, responsable_id: int) -> frozenset[str] | None:
        """The rights granted one by one, or None when the holder never chose them one by one
        (the journey's all-or-nothing decision then stands)."""
        rows = self._all(
            "SELECT right_name, granted FROM spouse_rights WHERE responsable_id = ?",
            (responsable_id,),
        )
        if not rows:
            return None
        return frozenset(row["right_name"] for row in rows if row["granted"])

    def set_spouse_rights(self, responsable_id: int, granted: Mapping[str, bool]) -> None:
        with self.transaction():
            self._run("DELETE FROM spouse_rights WHERE responsable_id = ?", (responsable_id,))
            for name, is_granted in granted.items():
                self._insert(
                    "spouse_rights",
                    {"responsable_id": responsable_id, "right_name": name, "granted": is_granted},
                    returning=False,
                )

    def clear_spouse_rights(self, responsable_id: int) -> None:
        self._run("DELETE FROM spouse_rights WHERE responsable_id = ?", (responsable_id,))

    def update_household(self, household_id: int, **fields: str) -> None:
        unknown = set(fields) - {"address", "situation"}
        if unknown:
            raise ValueError(f"unknown household columns: {sorted(unknown)}")
        for name, value in fields.items():
            self._run(f"UPDATE households SET {name} = ? WHERE id = ?", (value, household_id))

    def next_filing_id(self) -> int:
        row = self._one("SELECT coalesce(max(id), 0) + 1 AS n FROM filings")
        return 1 if row is None else int(row["n"])

    def insert_filing(
        self,
        *,
        reference: str,
        household_id: int,
        account_id: int,
        kind: str,
        subject: str,
        title: str,
        lines: str,
        received_at: datetime,
        emailed_to: str | None,
    ) -> int:
        """A declaration (``kind`` "declaration") or a benefit request ("benefit_request");
        ``subject`` is the declaration's kind or the benefit's id, ``lines`` JSON."""
        return self._insert(
            "filings",
            {
                "reference": reference,
                "household_id": household_id,
                "account_id": account_id,
                "kind": kind,
                "subject": subject,
                "title": title,
                "lines": lines,
                "received_at": received_at,
                "emailed_to": emailed_to,
                "status": "pending" if kind == "benefit_request" else "received",
            },
        )

    def filings(
        self, household_id: int, kind: str, *, subject: str | None = None, limit: int = 20
    ) -> list[Filing]:
        """The household's filings of ``kind`` (and ``subject``), newest first."""
        rows = self._all(
            "SELECT * FROM filings WHERE household_id = ? AND kind = ?"
            " AND (CAST(? AS TEXT) IS NULL OR subject = ?) ORDER BY id DESC LIMIT ?",
            (household_id, kind, subject, subject, limit),
        )
        return [_filing(row) for row in rows]


PENDING = 0
"""The status of an idempotency key claimed by a request still running."""


@dataclass(frozen=True)
class IdempotentAnswer:
    fingerprint: str
    status: int
    content_type: str | None
    body: bytes

    @property
    def pending(self) -> bool:
        return self.status == PENDING
