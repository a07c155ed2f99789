"""A reset starts the ids again, on both engines: the personas' rows get the same ids at each
reset, as the first seeding gave them (PostgreSQL restarts each identity column)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from caf_stub import RunningStub

TABLES = ("households", "accounts", "payments")


def ids(running: RunningStub) -> dict[str, list[int]]:
    """The rows' ids, read from the stub's own store (no route shows them)."""
    store = running.context.store
    return {
        table: [int(row["id"]) for row in store._all(f"SELECT id FROM {table} ORDER BY id")]
        for table in TABLES
    }


def test_each_reset_gives_the_personas_the_ids_of_the_first_seeding(
    stub_factory: Callable[..., RunningStub],
) -> None:
    running = stub_factory()
    seeded = ids(running)
    assert all(seeded.values()) and seeded["households"][0] == 1
    with httpx.Client(base_url=running.url, timeout=10) as client:
        for _ in range(2):
            client.post("/_stub/reset").raise_for_status()
            assert ids(running) == seeded
