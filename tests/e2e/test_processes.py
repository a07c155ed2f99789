"""Real processes: the installed console scripts, as a person or a server admin runs them."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

PAUL = {"identifier_kind": "nir", "identifier": "1780299999015", "password": "Leroy1978"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _script(name: str) -> str:
    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    assert found, f"{name} is not installed"
    return found


class StubProcess:
    def __init__(self, db: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [_script("caf-stub"), "--host", "127.0.0.1", "--port", str(self.port), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/_stub/health", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        self.process.kill()
        raise AssertionError(
            "caf-stub did not start: " + (self.process.stderr.read() or b"").decode()
        )

    def stop(self, sig: int = signal.SIGTERM) -> None:
        self.process.send_signal(sig)
        self.process.wait(timeout=15)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "stub.sqlite3"


def test_caf_stub_keeps_accounts_and_sessions_across_a_restart(db: Path) -> None:
    first = StubProcess(db)
    try:
        login = httpx.post(first.url + "/api/v1/auth/login", json=PAUL)
        assert login.status_code == 200, login.text
        token = login.json()["session"]["token"]
    finally:
        first.stop()

    second = StubProcess(db)
    try:
        journey = httpx.get(
            second.url + "/api/v1/journey", headers={"Authorization": f"Bearer {token}"}
        )
        assert journey.status_code == 200, journey.text
        assert journey.json()["next"]["step"] == "dashboard"
        again = httpx.post(second.url + "/api/v1/auth/login", json=PAUL)
        assert again.status_code == 200
    finally:
        second.stop()


PAINTED = """
import sys
from caf_tui.app import CafApp
from caf_tui.config import Settings

class Painted(CafApp):
    def on_ready(self) -> None:
        print(type(self.screen).__name__, ",".join(m for m in WATCHED if m in sys.modules))
        self.exit()

WATCHED = ("caf_stub", "fastapi", "uvicorn", "argon2", "sqlite3", "joserfc",
           "phonenumbers", "email_validator", "caf_tui.screens.dashboard",
           "caf_tui.screens.verify_code", "caf_tui.screens.choose_password")
Painted(Settings()).run(headless=True, size=(80, 24))
"""


def test_the_app_paints_before_importing_the_stub(tmp_path: Path) -> None:
    """The first frame is the login screen, painted before the embedded stub (FastAPI, SQLite,
    argon2) starts to load, and before the views and validators of later steps are imported."""
    result = subprocess.run(
        [sys.executable, "-c", PAINTED],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).parents[2]),
            "CAF_TUI_STUB_DB": str(tmp_path / "stub.sqlite3"),
            "CAF_TUI_REMEMBER": "0",
        },
    )
    screen, _, loaded = result.stdout.strip().partition(" ")
    assert screen == "LoginScreen"
    assert loaded == ""
