"""The stub's clock: offset from real time, frozen, moved; thread-safe."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from backend_stub.clock import Clock

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


class FakeSource:
    def __init__(self) -> None:
        self.now = datetime(2030, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_start_time_sets_an_offset_that_runs_with_real_time():
    source = FakeSource()
    clock = Clock(T0, source=source)
    assert clock.now() == T0
    source.now += timedelta(seconds=5)
    assert clock.now() == T0 + timedelta(seconds=5)
    assert not clock.frozen


def test_frozen_clock_moves_only_when_told():
    source = FakeSource()
    clock = Clock(T0, frozen=True, source=source)
    source.now += timedelta(hours=1)
    assert clock.now() == T0
    assert clock.advance(600) == T0 + timedelta(minutes=10)
    assert clock.set(T0) == T0
    assert clock.now() == T0
    assert clock.frozen


def test_unfreeze_runs_on_from_where_it_stood():
    source = FakeSource()
    clock = Clock(T0, frozen=True, source=source)
    clock.advance(60)
    clock.unfreeze()
    source.now += timedelta(seconds=2)
    assert clock.now() == T0 + timedelta(seconds=62)
    clock.freeze()
    source.now += timedelta(seconds=30)
    assert clock.now() == T0 + timedelta(seconds=62)


def test_set_on_a_running_clock_and_naive_times_are_utc():
    source = FakeSource()
    clock = Clock(source=source)
    assert clock.now() == source.now
    clock.set(datetime(2026, 1, 1, 12, 0))
    assert clock.now() == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert clock.now().tzinfo is not None


def test_concurrent_advances_all_count():
    clock = Clock(T0, frozen=True)

    def work() -> None:
        for _ in range(1000):
            clock.advance(1)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.now() == T0 + timedelta(seconds=8000)


def test_real_clock_is_aware_utc():
    now = Clock().now()
    assert now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
