"""Settings for tests that start a stub: frozen clock, known codes, in-memory database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from caf_stub.settings import StubSettings

START = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)
"""Where the clock of a test stub stands (frozen) at start and after each reset."""
CODE = "123456"
"""Every verification code of a test stub."""


def settings_for_tests(**overrides: Any) -> StubSettings:
    """``:memory:``, fixed code ``CODE``, clock frozen at ``START``; ``overrides`` on top."""
    values: dict[str, Any] = {
        "db": ":memory:",
        "fixed_code": CODE,
        "frozen": True,
        "start_time": START,
        "control_api": True,
    }
    values.update(overrides)
    return StubSettings(**values)
