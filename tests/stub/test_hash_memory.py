"""A stub's memory does not grow with the logins it checks at once: each argon2 hash (7 MiB at
the portal's cost) is given back when it is done (caf_stub/hash_memory.py), instead of staying
with each worker thread that made one (36 MiB more after 24 logins, 8 at a time, without it)."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from caf_stub.testing import StubProcess, free_port

pytestmark = pytest.mark.slow

KARIM = {"identifier_kind": "nir", "identifier": "1830599999011", "password": "83051234"}
AT_ONCE = 8
#: A hash's 7 MiB kept by even two of the eight threads would pass it.
MOST_GROWTH_MIB = 12.0


def resident_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kib / 1024


@pytest.fixture
def portal_cost_stub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StubProcess]:
    """``caf-stub`` hashing at the portal's cost (the suite's stubs make the cheapest hashes)."""
    monkeypatch.delenv("CAF_STUB_CHEAPEST_HASHES", raising=False)
    running = StubProcess(db=str(tmp_path / "stub.sqlite3"), workers=1, port=free_port())
    running.start(timeout=60)
    try:
        yield running
    finally:
        running.stop()


def log_in(url: str) -> int:
    with httpx.Client(base_url=url, timeout=60) as client:
        return client.post("/api/v1/auth/login", json=KARIM).status_code


def test_logins_checked_at_once_leave_no_hash_memory_behind(
    portal_cost_stub: StubProcess,
) -> None:
    assert portal_cost_stub.process is not None
    pid = portal_cost_stub.process.pid
    assert log_in(portal_cost_stub.url) == 200  # the first login's own allocations
    before = resident_mib(pid)
    with ThreadPoolExecutor(AT_ONCE) as logins:
        for _ in range(3):
            assert list(logins.map(log_in, [portal_cost_stub.url] * AT_ONCE)) == [200] * AT_ONCE
    # Each hash's block is unmapped as the hash returns, before its answer is sent.
    grown = resident_mib(pid) - before
    assert grown < MOST_GROWTH_MIB, f"{grown:.1f} MiB more after {3 * AT_ONCE} logins"
