"""``python -m benchmarks load``: a QA team on one stub, in figures.

N simulated testers (``--testers``, at most ``MAX_TESTERS``, loopback only) each run Karim's
whole journey again and again over HTTP, through the app's own client, with a fresh copy of the
persona each time (``POST /_stub/personas {"from": "karim"}``) and its code read from the outbox
by recipient (``/_stub/outbox/next?to=…``). The same run measures two stubs, one after the other:
one SQLite process, and ``caf-stub --workers 4`` on PostgreSQL when the stub can (otherwise the
leg is skipped and says why). For each number of testers: journeys per minute, the 95th
percentile of one request, errors, messages lost (never arrived) or duplicated (more than one
SMS for one send, or a code to another person).

Argon2 is meant to be slow (one hash is tens of milliseconds of one core): a journey hashes or
verifies about seven secrets, so the stub saturates when the cores are busy hashing, and the
table gives that ceiling (measured here, in-process) next to the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import SecretStr

from benchmarks.common import NEW_PASSWORD, p95
from caf_tui.api import AcceptTermsStep, Channel, IdentifierKind, SpouseDecision, StepName
from caf_tui.backend.http import HttpBackend
from caf_tui.backend.retry import RetryPolicy

MAX_TESTERS = 32
LEVELS = (1, 2, 4, 8)
SECONDS_PER_LEVEL = 20.0
WORKERS = 4
#: One try per request, however long: a failure is counted, not hidden by a retry.
ONE_TRY = RetryPolicy(attempts=1, attempt_timeout=120.0)
#: Secrets hashed or verified by argon2 in one journey: the two copies' passwords (Karim and
#: Zohra), the login, the new password, the code sent and the code checked.
HASHES_PER_JOURNEY = 6
POSTGRES_BIN = Path("/usr/lib/postgresql")


@dataclass
class Sample:
    route: str
    seconds: float
    status: int | None


@dataclass
class Tally:
    """What the testers of one level saw."""

    samples: list[Sample] = field(default_factory=list)
    journeys: int = 0
    errors: list[str] = field(default_factory=list)
    lost: int = 0
    duplicated: int = 0


@dataclass
class Row:
    leg: str
    testers: int
    seconds: float
    tally: Tally
    stub_cpu: float = 0.0
    """CPU seconds the stub's processes used during the level."""
    client_cpu: float = 0.0
    """CPU seconds the testers (this process) used during the level."""

    @property
    def per_minute(self) -> float:
        return self.tally.journeys / self.seconds * 60

    def p95_ms(self, route_suffix: str = "") -> float:
        values = [
            s.seconds
            for s in self.tally.samples
            if "/api/" in s.route and s.route.endswith(route_suffix)
        ]
        return p95(values) * 1000 if values else float("nan")


@dataclass
class TimingTransport(httpx.AsyncBaseTransport):
    """Times each request from sending to the last byte of its answer."""

    tally: Tally
    inner: httpx.AsyncBaseTransport = field(default_factory=httpx.AsyncHTTPTransport)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        route = f"{request.method} {request.url.path}"
        start = time.perf_counter()
        try:
            response = await self.inner.handle_async_request(request)
            content = await response.aread()
        except httpx.TransportError:
            self.tally.samples.append(Sample(route, time.perf_counter() - start, None))
            raise
        self.tally.samples.append(Sample(route, time.perf_counter() - start, response.status_code))
        return httpx.Response(
            response.status_code, headers=response.headers, content=content, request=request
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


class MessageProblem(Exception):
    """The code never came, or came twice, or came to someone else."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind


async def journey(url: str, control: httpx.AsyncClient, tally: Tally, tester: str) -> None:
    """Karim's journey, login to logout, as a fresh copy of Karim."""
    copied = await control.post("/_stub/personas", json={"from": "karim"})
    copied.raise_for_status()
    karim = copied.json()["members"][0]
    backend = HttpBackend(url, transport=TimingTransport(tally), retry=ONE_TRY)
    try:
        answer = await backend.login(
            IdentifierKind.NIR, karim["identifier"], SecretStr(karim["password"])
        )
        assert answer.next.step == StepName.MIGRATION_INTRO, answer.next.step
        terms = (await backend.start_migration()).next
        assert isinstance(terms, AcceptTermsStep), terms
        await backend.accept_terms(terms.version)
        await backend.choose_password(SecretStr(NEW_PASSWORD), SecretStr(NEW_PASSWORD))
        await backend.confirm_contact(Channel.SMS)
        code = await read_code(control, karim["phone"], tester)
        await backend.verify_code(SecretStr(code))
        await backend.acknowledge_account_created()
        await backend.decide_spouse_authorisation(SpouseDecision.AUTHORISE)
        sms = [m for m in await backend.demo_outbox() if m.channel == "sms"]
        if len(sms) != 1:
            raise MessageProblem("duplicated", f"{len(sms)} SMS for one send")
        await backend.dashboard()
        await backend.logout()
    finally:
        await backend.aclose()


async def read_code(control: httpx.AsyncClient, phone: str, tester: str) -> str:
    start = time.perf_counter()
    answer = await control.get(
        "/_stub/outbox/next", params={"to": phone, "consumer": tester, "timeout": 30}
    )
    wait = time.perf_counter() - start
    if answer.status_code == 404:
        raise MessageProblem("lost", f"no SMS for the copy after {wait:.0f} s")
    answer.raise_for_status()
    found = answer.json()
    if found["message"]["to"] != phone or not found["code"]:
        raise MessageProblem("duplicated", "a code meant for someone else")
    return str(found["code"])


async def tester(url: str, until: float, tally: Tally, name: str) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=120) as control:
        while True:  # at least one journey, then more until the time is up
            try:
                await journey(url, control, tally, name)
            except MessageProblem as problem:
                if problem.kind == "lost":
                    tally.lost += 1
                else:
                    tally.duplicated += 1
            except Exception as error:  # counted and told, the run goes on
                tally.errors.append(f"{type(error).__name__}: {str(error)[:120]}")
            else:
                tally.journeys += 1
            if time.monotonic() >= until:
                return


async def level(leg: str, stub: Stub, testers: int, seconds: float) -> Row:
    tally = Tally()
    url = stub.url
    stub_cpu, client_cpu = stub.cpu_seconds(), time.process_time()
    start = time.monotonic()
    until = start + seconds
    # A consumer name is letters, digits, « . _ - »: the leg's initial, its level, its rank.
    names = [f"load-{leg[0].lower()}{testers}-{i}" for i in range(testers)]
    await asyncio.gather(*(tester(url, until, tally, name) for name in names))
    # The last journeys end after ``until``: the rate is over the time really spent.
    row = Row(leg, testers, time.monotonic() - start, tally)
    row.stub_cpu = stub.cpu_seconds() - stub_cpu
    row.client_cpu = time.process_time() - client_cpu
    return row


# --- the stubs under test --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stub_help() -> str:
    return subprocess.run(
        [sys.executable, "-m", "caf_stub", "--help"], capture_output=True, text=True, check=False
    ).stdout


@dataclass
class Stub:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """User and system CPU of the stub's process and its workers (Linux ``/proc``)."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a process that just ended
            pid, parent = int(stat.parent.name), int(fields[1])
            if self.pid in (pid, parent):
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def running_stub(db: str, *extra: str, log: Path) -> Iterator[Stub]:
    """``caf-stub`` in a process of its own on the loopback; its address."""
    port = free_port()
    command = [sys.executable, "-m", "caf_stub", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--db", db, "--log-level", "warning", *extra]
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"caf-stub ended ({process.returncode}): {log.read_text()}")
            with contextlib.suppress(httpx.TransportError):  # not listening yet: ask again
                if httpx.get(url + "/_stub/health", timeout=2).is_success:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("caf-stub did not answer in 60 s")
            time.sleep(0.2)
        yield Stub(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _postgres_tool(name: str) -> Path | None:
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = sorted(POSTGRES_BIN.glob(f"*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """A PostgreSQL cluster of this run only (``initdb``/``pg_ctl``), on the loopback."""
    initdb, pg_ctl = _postgres_tool("initdb"), _postgres_tool("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("initdb/pg_ctl not found")
    directory = Path(tempfile.mkdtemp(prefix="caf-load-pg-"))
    data = directory / "data"
    # initdb refuses to run as root: the cluster then belongs to the ``postgres`` account.
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(directory, "postgres")
    try:
        _run(*as_user, str(initdb), "-D", str(data), "-A", "trust", "-U", "bench")
        port = free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c max_connections=200"
        log = str(directory / "postgres.log")
        _run(*as_user, str(pg_ctl), "-D", str(data), "-o", options, "-l", log, "-w", "start")
        try:
            yield f"postgresql://bench@127.0.0.1:{port}/postgres"
        finally:
            _run(*as_user, str(pg_ctl), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _run(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(" ".join(said[-2:]))


def postgres_skip_reason(help_text: str) -> str | None:
    if "--workers" not in help_text:
        return "caf-stub has no --workers option yet (PostgreSQL support not merged)"
    if "postgresql" not in help_text.lower():
        return "caf-stub --db does not say it takes postgresql://… yet"
    return None


# --- the run ---------------------------------------------------------------------------------


def argon2_cpu_seconds() -> float:
    """One hash's CPU time (not wall time: the other programs on the machine do not count)."""
    from caf_stub.security import hash_secret

    times = []
    for _ in range(5):
        start = time.thread_time()
        hash_secret("Karim2024")
        times.append(time.thread_time() - start)
    return statistics.median(times)


def run_leg(leg: str, stub: Stub, levels: tuple[int, ...], seconds: float) -> list[Row]:
    rows = []
    for testers in levels:
        row = asyncio.run(level(leg, stub, testers, seconds))
        print(
            f"… {leg}, {testers} testers: {row.per_minute:.1f} journeys/min, "
            f"{len(row.tally.errors)} errors",
            flush=True,
        )
        rows.append(row)
    return rows


def saturation(rows: list[Row]) -> str:
    """The first number of testers that adds less than 10 % over the one before."""
    for before, after in itertools.pairwise(rows):
        if after.per_minute < before.per_minute * 1.10:
            return f"{before.testers} testers ({before.per_minute:.0f} journeys/min)"
    return f"not reached at {rows[-1].testers} testers"


def table(rows: list[Row]) -> str:
    lines = [
        "| Stub | Testers | Journeys | Journeys/min | p95 request | p95 login "
        "| Stub CPU/journey | Testers' CPU/journey | Errors | Lost | Duplicated |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        done = max(1, r.tally.journeys)
        lines.append(
            f"| {r.leg} | {r.testers} | {r.tally.journeys} | {r.per_minute:.1f} "
            f"| {r.p95_ms():.0f} ms | {r.p95_ms('/auth/login'):.0f} ms "
            f"| {r.stub_cpu / done * 1000:.0f} ms | {r.client_cpu / done * 1000:.0f} ms "
            f"| {len(r.tally.errors)} | {r.tally.lost} | {r.tally.duplicated} |"
        )
    return "\n".join(lines)


def load_average() -> str:
    return ", ".join(f"{v:.1f}" for v in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks load")
    parser.add_argument(
        "--testers",
        type=int,
        nargs="+",
        default=list(LEVELS),
        help=f"numbers of testers to try, each at most {MAX_TESTERS}",
    )
    parser.add_argument("--seconds", type=float, default=SECONDS_PER_LEVEL, help="per level")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="an existing PostgreSQL database (else a temporary cluster is started)",
    )
    args = parser.parse_args(argv)
    if any(not 1 <= n <= MAX_TESTERS for n in args.testers):
        parser.error(f"--testers: from 1 to {MAX_TESTERS}")
    levels = tuple(args.testers)
    hash_seconds = argon2_cpu_seconds()
    cores = os.cpu_count() or 1
    ceiling = cores * 60 / (HASHES_PER_JOURNEY * hash_seconds)
    print(f"Load before: {load_average()}; one argon2 hash: {hash_seconds * 1000:.0f} ms CPU")
    rows: list[Row] = []
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="caf-load-") as tmp:
        work = Path(tmp)
        with running_stub(str(work / "stub.sqlite3"), log=work / "sqlite.log") as stub:
            rows += run_leg("SQLite, 1 process", stub, levels, args.seconds)
        reason = postgres_skip_reason(stub_help())
        if reason is None:
            try:
                with _postgres(args.postgres) as database:
                    extra = ("--workers", str(WORKERS))
                    with running_stub(database, *extra, log=work / "pg-stub.log") as stub:
                        leg = f"PostgreSQL, {WORKERS} workers"
                        rows += run_leg(leg, stub, levels, args.seconds)
            except (RuntimeError, OSError) as cannot:
                reason = f"PostgreSQL leg could not start: {cannot}"
        if reason is not None:
            print(f"PostgreSQL leg skipped: {reason}")
    for row in rows:
        errors += row.tally.errors
    print()
    print(f"Load after: {load_average()} ({cores} CPUs)")
    print(
        f"argon2 alone: {HASHES_PER_JOURNEY} hashes, {HASHES_PER_JOURNEY * hash_seconds * 1000:.0f}"
        f" ms CPU a journey: at most {ceiling:.0f} journeys/min on {cores} idle CPUs"
    )
    for leg in dict.fromkeys(r.leg for r in rows):
        print(f"{leg} saturates at {saturation([r for r in rows if r.leg == leg])}")
    print()
    print(table(rows))
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    troubled = errors or any(r.tally.lost or r.tally.duplicated for r in rows)
    return 1 if troubled else 0


@contextmanager
def _postgres(url: str | None) -> Iterator[str]:
    if url is not None:
        yield url
        return
    with temporary_postgres() as started:
        yield started


if __name__ == "__main__":
    raise SystemExit(main())
