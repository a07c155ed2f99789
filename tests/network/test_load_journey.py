"""The load benchmark's tester (benchmarks/load.py) against the real stub: one fresh copy of
Karim, his own code read by recipient, the whole journey, every request timed."""

from __future__ import annotations

import os

from benchmarks.load import Stub, level
from caf_stub import RunningStub


async def test_one_tester_runs_one_whole_journey_on_a_fresh_copy(stub: RunningStub) -> None:
    row = await level("SQLite", Stub(stub.url, os.getpid()), testers=1, seconds=0)
    assert (row.tally.journeys, row.tally.errors) == (1, [])
    assert (row.tally.lost, row.tally.duplicated) == (0, 0)
    routes = [sample.route.removeprefix("POST ") for sample in row.tally.samples]
    assert routes[0] == "/api/v1/auth/login" and "/api/v1/journey/verify_code" in routes
    assert all(sample.status is not None and sample.status < 400 for sample in row.tally.samples)
    karim = stub.context.store.account_by_nir("183059999901172")
    assert karim is not None and karim.password_is_legacy  # the persona itself was not used
