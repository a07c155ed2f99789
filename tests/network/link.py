"""Injecting a fault (a slow or broken link) in a running stub, as the replayer does."""

from __future__ import annotations

from typing import Any

from caf_stub import RunningStub
from caf_tui.replay.control import StubControl


def add_fault(stub: RunningStub, **rule: Any) -> None:
    control = StubControl(stub.url)
    try:
        control.add_fault(rule)
    finally:
        control.close()
