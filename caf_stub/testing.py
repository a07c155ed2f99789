"""Settings for tests that start a stub: frozen clock, known codes, in-memory database; and a
throwaway PostgreSQL server with ``caf-stub --workers N`` processes on it (tests, benchmarks)."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from caf_stub.settings import StubSettings

START = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)
"""Where the clock of a test stub stands (frozen) at start and after each reset."""
CODE = "123456"
"""Every verification code of a test stub."""


def settings_for_tests(**overrides: Any) -> StubSettings:
    """``:memory:``, fixed code ``CODE``, clock frozen at ``START``, the cheapest hashes;
    ``overrides`` on top."""
    values: dict[str, Any] = {
        "db": ":memory:",
        "fixed_code": CODE,
        "frozen": True,
        "start_time": START,
        "control_api": True,
        "cheapest_hashes": True,
    }
    values.update(overrides)
    return StubSettings(**values)


# --- a throwaway PostgreSQL server, and caf-stub processes serving it --------------------------

POSTGRES_BIN_DIRS = "/usr/lib/postgresql/*/bin"
"""Debian's: the newest version installed first (15 on these machines)."""
TEMPLATE_DATABASE = "caf_stub_template"
"""Migrated once per server: each fresh database is a copy of it (CREATE DATABASE … TEMPLATE)."""


def postgres_bin_dir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found is not None and shutil.which("pg_ctl") is not None:
        return Path(found).resolve().parent
    versions = sorted(Path("/").glob(POSTGRES_BIN_DIRS.lstrip("/")), key=_version, reverse=True)
    return next((found for found in versions if (found / "initdb").exists()), None)


def _version(bin_dir: Path) -> int:
    number = bin_dir.parent.name
    return int(number) if number.isdigit() else 0


def _as_unprivileged(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root (CI): then run them as ``nobody``."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]


class PostgresServer:
    """A PostgreSQL server of its own in a temporary directory, reached by a unix socket there
    (no TCP port taken), without durability (``fsync=off``): for tests and benchmarks only."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        found = bin_dir or postgres_bin_dir()
        if found is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb on PATH)")
        self.bin_dir = found
        self.directory = Path(tempfile.mkdtemp(prefix="caf-stub-pg-"))
        self.data = self.directory / "data"
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            os.chown(self.directory, *_nobody_ids())
        self._pg(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        options = (
            f"-k {self.directory} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=200"
        )
        self._pg(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.directory / "log"),
            "-o",
            options,
            "-w",
            "start",
        )
        self._admin(f"CREATE DATABASE {TEMPLATE_DATABASE}")
        from caf_stub.store import Store

        Store(self.url(TEMPLATE_DATABASE)).close()  # migrated once, copied for each database

    def _pg(self, program: str, *args: str) -> None:
        subprocess.run(
            _as_unprivileged([str(self.bin_dir / program), *args]),
            check=True,
            capture_output=True,
            cwd=self.directory,
        )

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.directory}"

    def _admin(self, sql: str) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(
            "postgresql+psycopg" + self.url("postgres").removeprefix("postgresql"),
            isolation_level="AUTOCOMMIT",
        )
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    def new_database(self) -> str:
        """A fresh database at the latest schema and empty (the stub seeds it): its URL."""
        name = f"caf_stub_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}")
        return self.url(name)

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.directory, ignore_errors=True)


def _nobody_ids() -> tuple[int, int]:
    import pwd

    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


@dataclass
class StubProcess:
    """``caf-stub --workers N`` in a process of its own: ``kill()`` it like a crash, ``start()``
    it again on the same port and database."""

    db: str
    workers: int
    port: int
    extra: tuple[str, ...] = ()
    #: Every code sent, for a test to type; None: random codes, as in life.
    fixed_code: str | None = CODE
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> StubProcess:
        command = [
            sys.executable,
            "-m",
            "caf_stub",
            "--db",
            self.db,
            "--workers",
            str(self.workers),
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            *(("--fixed-code", self.fixed_code) if self.fixed_code else ()),
            "--frozen",
            "--start-time",
            START.isoformat(),
            *self.extra,
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        self._wait_serving(timeout)
        return self

    def _wait_serving(self, timeout: float) -> None:
        import httpx

        assert self.process is not None
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                errors = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"caf-stub stopped while starting: {errors}")
            try:
                # Every worker must be up: ask as many times as there are workers, and more.
                for _ in range(self.workers * 2):
                    httpx.get(self.url + "/_stub/health", timeout=2).raise_for_status()
                return
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"caf-stub did not serve within {timeout} s") from None
                time.sleep(0.05)

    def kill(self) -> None:
        """As a crash would: every worker and the supervisor at once, nothing saved on the way."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_shared_stub(
    workers: int = 4, server: PostgresServer | None = None, *flags: str
) -> tuple[StubProcess, PostgresServer]:
    """``caf-stub --workers N`` (and ``flags``, e.g. ``"--no-frozen"``) on a fresh database of a
    throwaway PostgreSQL (``server``, or a new one), every code ``CODE``, the clock frozen at
    ``START`` unless told otherwise: for the load benchmark. Stop both when done
    (``stub.stop(); server.stop()``)."""
    server = server or PostgresServer()
    stub = StubProcess(db=server.new_database(), workers=workers, port=free_port(), extra=flags)
    return stub.start(), server
