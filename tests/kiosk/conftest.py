"""The kiosk app on the test stub, with a clock the tests move and a known staff PIN."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.kiosk.app import KioskApp
from tests.keyrings import MemoryKeyring
from tests.kiosk.pins import cheap_pin_hash

STAFF_PIN = "4826"


class ManualClock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def pin_hash() -> str:
    return cheap_pin_hash(STAFF_PIN)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_kiosk(
    stub: object, memory_keyring: MemoryKeyring, clock: ManualClock, pin_hash: str
) -> Callable[..., KioskApp]:
    """``make_kiosk(**settings)``: the kiosk app on the test stub, its clock in the test's hand."""

    def make(**overrides: object) -> KioskApp:
        values = {"cursor_blink": False, "kiosk": True, "kiosk_pin_hash": pin_hash, **overrides}
        settings = Settings.model_validate(values)
        backend = HttpBackend(stub.url)  # type: ignore[attr-defined]
        return KioskApp(settings, backend=backend, clock=clock)

    return make
