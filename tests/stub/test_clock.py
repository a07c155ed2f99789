"""The stub's clock: offset from real time, frozen, moved; thread-safe; kept in its range."""

from __future__ import annotations

import math
import threading
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from caf_stub import RunningStub
from caf_stub.clock import EARLIEST, LATEST, Clock, ClockOutOfRange
from caf_stub.personas import KARIM
from caf_stub.testing import CODE
from tests.conftest import stub_client

from .helpers import Portal, error_of
from .journeys import walk_to

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


# --- the clock's range (issue 13, defect 8): a 422 that says the range, never a 500 -----------


def test_the_clock_refuses_a_move_out_of_its_range_and_stays_where_it_was():
    clock = Clock(T0, frozen=True)
    for seconds in (1e308, -1e12, math.nan, math.inf, -math.inf):
        with pytest.raises(ClockOutOfRange, match="2000 au 31 décembre 2099"):
            clock.advance(seconds)
    assert clock.now() == T0
    for moment in (datetime(9999, 12, 31, 23, tzinfo=UTC), datetime(1999, 12, 31, 23, 59)):
        with pytest.raises(ClockOutOfRange):
            clock.set(moment)
    with pytest.raises(ClockOutOfRange):  # past the end of datetime once in UTC
        clock.set(datetime(9999, 12, 31, 23, tzinfo=timezone(-timedelta(hours=5))))
    assert clock.now() == T0
    assert clock.set(LATEST) == LATEST
    assert clock.advance(-(LATEST - EARLIEST).total_seconds()) == EARLIEST


def test_a_running_clock_is_checked_too():
    source = FakeSource()
    clock = Clock(T0, source=source)
    with pytest.raises(ClockOutOfRange):
        clock.advance(1e11)
    assert clock.now() == T0
    with pytest.raises(ClockOutOfRange):
        Clock(datetime(9999, 1, 1, tzinfo=UTC))


RAW_ADVANCES = ["1e308", "-1e12", "NaN", "Infinity", "-Infinity", "1e400", "3.2e9"]


def _refusal(response: httpx.Response, field: str) -> str:
    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert error["field"] == field
    message: str = error["message"]
    assert "du 1er janvier 2000 au 31 décembre 2099 (UTC)" in message
    return message


def _login_works(running: RunningStub) -> None:
    session = Portal(running)
    try:
        assert session.login_as(KARIM)["next"]["step"] == "migration_intro"
    finally:
        session.close()


@pytest.mark.parametrize("raw", RAW_ADVANCES)
def test_advancing_out_of_range_is_a_422_and_the_stub_stays_usable(stub, raw):
    with stub_client(stub) as client:
        before = client.get("/_stub/clock").json()
        response = client.post(
            "/_stub/clock",
            content=f'{{"advance_seconds": {raw}}}',
            headers={"Content-Type": "application/json"},
        )
        message = _refusal(response, "advance_seconds")
        assert "secondes entre" in message
        assert client.get("/_stub/clock").json() == before
    _login_works(stub)


@pytest.mark.parametrize(
    "moment",
    [
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:00:00-05:00",
        "0001-01-01T00:00:00+01:00",
        "1999-12-31T23:59:59Z",
        "2100-01-01T00:00:00Z",
    ],
)
def test_setting_out_of_range_is_a_422_that_changes_nothing(stub, moment):
    with stub_client(stub) as client:
        before = client.get("/_stub/clock").json()
        response = client.put("/_stub/clock", json={"now": moment, "frozen": False})
        _refusal(response, "now")
        assert client.get("/_stub/clock").json() == before  # still frozen, same time
    _login_works(stub)


def test_at_the_end_of_the_range_codes_and_sessions_still_work(stub, portal):
    with stub_client(stub) as client:
        client.put("/_stub/clock", json={"now": LATEST.isoformat()}).raise_for_status()
        assert client.post("/_stub/clock", json={"advance_seconds": 1}).status_code == 422
    karim = portal()
    step = walk_to(karim, KARIM, "verify_code")
    assert datetime.fromisoformat(step["expires_at"]) > LATEST  # 2100: still a date
    response = karim.verify(CODE)
    assert response.status_code == 200, response.text
