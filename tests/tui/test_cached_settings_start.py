"""A start painted from cached settings (caf_tui/settings_cache.py): the login comes first, then
the real settings are validated and the embedded backend is made; the journey works as ever."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from caf_tui.app import BackendOnFirstUse, CafApp
from caf_tui.backend.embedded import EmbeddedBackend
from caf_tui.config import Settings
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.settings_cache import CachedSettings
from tests.keyrings import MemoryKeyring
from tests.tui.drive import log_in


async def test_painted_from_the_cache_then_validated_and_the_backend_made(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    validated = Settings(stub_db=tmp_path / "stub.sqlite3", cursor_blink=False)
    cached = CachedSettings(validated.model_dump(exclude={"kiosk_pin_hash"}))
    app = CafApp(cast(Settings, cached), validated_later=lambda: validated)
    assert isinstance(app.backend, BackendOnFirstUse)  # nothing of the client before the frame
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, LoginScreen)
        await settling.settle(pilot)  # the frame written: the validation's worker starts
        await app.workers.wait_for_complete()
        assert app.settings is validated
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")
        assert isinstance(app.screen, DashboardScreen)
        assert isinstance(app.backend._backend, EmbeddedBackend)  # type: ignore[attr-defined]
