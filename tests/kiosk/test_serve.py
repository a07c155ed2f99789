"""``caf-tui serve`` as a real process: the page, then its websocket, behind which a kiosk app
runs for this browser session alone."""

from __future__ import annotations

import asyncio
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _caf_tui() -> str:
    path = Path(sys.executable).parent / "caf-tui"
    assert path.exists(), "caf-tui is not installed"
    return str(path)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    db = str(tmp_path / "stub.sqlite3")
    process = subprocess.Popen(
        [_caf_tui(), "serve", "--host", "127.0.0.1", "--port", str(port), "--stub-db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, (process.stderr.read() or b"").decode()
                assert time.monotonic() < deadline, "caf-tui serve did not start"
                time.sleep(0.1)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


async def _screen_through(websocket_url: str, wanted: str) -> str:
    """Open the page's websocket like the browser does, and read the app's output until
    ``wanted`` shows (or 60 s)."""
    received = b""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(websocket_url + "?width=100&height=30") as websocket,
    ):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while wanted not in received.decode("utf-8", "ignore"):
            remaining = deadline - loop.time()
            assert remaining > 0, received.decode("utf-8", "ignore")[-2000:]
            message = await websocket.receive(timeout=remaining)
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
        await websocket.send_json(["stdin", "\r"])  # Entrée: the visit begins
    return received.decode("utf-8", "ignore")


def test_the_page_and_its_websocket_run_the_kiosk(served: str) -> None:
    page = httpx.get(served + "/", timeout=10)
    assert page.status_code == 200
    assert "Caf · Mon Compte" in page.text
    found = re.search(r'data-session-websocket-url="([^"]+)"', page.text)
    assert found, page.text[:2000]
    websocket_url = found.group(1)
    assert websocket_url == served.replace("http:", "ws:") + "/ws"

    # The kiosk's welcome screen, not the plain login: the served command is caf-tui --kiosk.
    output = asyncio.run(_screen_through(websocket_url, "Entrée pour commencer"))
    assert "Bienvenue sur Caf" in output
    assert "Se souvenir de moi" not in output
