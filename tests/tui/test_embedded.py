"""The default: no backend configured, the stub starts in a thread and the login works."""

from __future__ import annotations

from pathlib import Path

from caf_tui.app import CafApp
from caf_tui.backend.embedded import EmbeddedBackend
from caf_tui.config import Settings
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from tests.keyrings import MemoryKeyring
from tests.tui.drive import log_in


async def test_embedded_stub_serves_the_login(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    app = CafApp(Settings(stub_db=tmp_path / "stub.sqlite3", cursor_blink=False))
    assert isinstance(app.backend, EmbeddedBackend)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, LoginScreen)
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")
        assert isinstance(app.screen, DashboardScreen)
        assert app.backend.has_demo_outbox
    assert (tmp_path / "stub.sqlite3").exists()
