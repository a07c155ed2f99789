"""The kiosk's clocks and settings, without a screen."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from caf_tui.cli import settings_from_args
from caf_tui.config import Settings
from caf_tui.kiosk.idle import IdleWatcher, Phase
from tests.kiosk.conftest import ManualClock


def watcher(clock: ManualClock) -> IdleWatcher:
    return IdleWatcher(idle_seconds=120, warning_seconds=20, session_seconds=1800, clock=clock)


def test_warning_then_wipe_and_a_key_extends(clock: ManualClock) -> None:
    idle = watcher(clock)
    assert idle.status().phase is Phase.IDLE  # the welcome screen: no visit, no limit
    idle.start()
    clock.advance(99)
    assert idle.status().phase is Phase.ACTIVE
    clock.advance(1)
    status = idle.status()
    assert status.phase is Phase.WARNING and status.remaining == 20 and status.extendable
    idle.touch()
    assert idle.status().phase is Phase.ACTIVE
    clock.advance(120)
    assert idle.status().phase is Phase.EXPIRED
    idle.touch()  # too late: the wipe is due
    assert idle.status().phase is Phase.EXPIRED
    idle.stop()
    assert idle.status().phase is Phase.IDLE


def test_the_absolute_limit_is_not_extended(clock: ManualClock) -> None:
    idle = watcher(clock)
    idle.start()
    for _ in range(30):
        clock.advance(59)
        idle.touch()
    status = idle.status()  # 1770 s in: 30 s left
    assert status.phase is Phase.ACTIVE
    clock.advance(15)
    status = idle.status()
    assert status.phase is Phase.WARNING and not status.extendable
    idle.touch()
    assert idle.status().phase is Phase.WARNING
    clock.advance(15)
    assert idle.status().phase is Phase.EXPIRED


def test_kiosk_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAF_TUI_KIOSK", "1")
    settings = Settings()
    assert settings.kiosk and not settings.remember  # no keyring on a shared terminal
    assert (settings.kiosk_idle_seconds, settings.kiosk_warning_seconds) == (120, 20)
    assert settings.kiosk_session_seconds == 1800
    with pytest.raises(ValidationError):
        Settings(kiosk_warning_seconds=10)  # WCAG 2.2.1: at least 20 s to react
    with pytest.raises(ValidationError):
        Settings(kiosk_idle_seconds=60, kiosk_warning_seconds=60)
    monkeypatch.delenv("CAF_TUI_KIOSK")
    flags = settings_from_args(["--kiosk", "--assist"])
    assert flags.kiosk and flags.assist and not flags.remember
    assert "argon2" not in repr(Settings(kiosk_pin_hash="$argon2id$x"))
