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


def test_the_app_paints_before_importing_the_stub() -> None:
    """The login screen must not wait for FastAPI, SQLite or argon2 to load."""
    code = (
        "import sys\n"
        "import caf_tui.app, caf_tui.screens, caf_tui.cli\n"
        "heavy = [m for m in ('backend_stub', 'fastapi', 'uvicorn', 'argon2', 'sqlite3')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert result.stdout.strip() == ""
