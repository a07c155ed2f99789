"""``caf-tui serve`` as a real process, over HTTP: the page of our own, its websocket (behind
which a kiosk app runs for this browser visit alone), and who may open it (loopback, or the
shared secret). What a browser shows is in ``tests/browser``."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import httpx
import pytest

SECRET = "comptoir-7c1f"
#: The backend of the servers here, whose visits sign nobody in (port 9, discard: nothing
#: listens there).
UNUSED_BACKEND = "http://127.0.0.1:9"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _caf_tui() -> str:
    path = Path(sys.executable).parent / "caf-tui"
    assert path.exists(), "caf-tui is not installed"
    return str(path)


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """Start ``caf-tui serve`` with extra flags (and environment); returns its URL. Its visits
    stop at the welcome, so it starts no stub: without ``--backend``, serve starts one and
    Paul signs in through it in tests/browser."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*flags: str, env: dict[str, str] | None = None) -> str:
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        command = [_caf_tui(), "serve", "--port", str(port), "--backend", UNUSED_BACKEND, *flags]
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        started.append(process)
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/static/counter.css", timeout=2)
                return url
            except httpx.TransportError:
                assert process.poll() is None, (process.stderr.read() or b"").decode()
                assert time.monotonic() < deadline, "caf-tui serve did not start"
                time.sleep(0.1)

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _client_config(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="counter-config">(.*?)</script>', page)
    assert found, page[:2000]
    config: dict[str, object] = json.loads(found.group(1))
    return config


def _screen_through(websocket_url: str, wanted: str, **kwargs: object) -> str:
    """Open the page's websocket like the browser does, and read the app's output until
    ``wanted`` shows (or 60 s). In a thread of its own: on an xdist worker that also ran the
    browser tests, Playwright's loop runs in the main thread."""
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _read_screen(websocket_url, wanted, **kwargs)).result()


async def _read_screen(websocket_url: str, wanted: str, **kwargs: object) -> str:
    received = b""
    async with (
        aiohttp.ClientSession(**kwargs) as session,  # type: ignore[arg-type]
        session.ws_connect(websocket_url + "&width=100&height=30") as websocket,
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


def test_the_page_is_ours_and_its_websocket_runs_the_kiosk(serve: Callable[..., str]) -> None:
    served = serve()
    page = httpx.get(served + "/", timeout=10)
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert "<title>Caf · Mon Compte</title>" in page.text
    # Nothing from elsewhere: every address in the page is the server's own.
    addresses = re.findall(r'(?:href|src)="([^"]+)"', page.text)
    assert addresses, page.text
    own = (served + "/static/", served + "/?mode=", "data:,")
    assert all(a.startswith(own) for a in addresses), addresses
    assert "connect-src 'self' ws://127.0.0.1" in page.headers["content-security-policy"]
    config = _client_config(page.text)
    assert config["websocket"] == served.replace("http:", "ws:") + "/ws?mode=ecran"

    # The kiosk's welcome screen, not the plain login: the served command is caf-tui --kiosk.
    output = _screen_through(str(config["websocket"]), "Entrée pour commencer")
    assert "Bienvenue sur Caf" in output
    assert "Se souvenir de moi" not in output


def test_public_url_builds_the_pages_addresses(serve: Callable[..., str]) -> None:
    served = serve("--public-url", "https://borne.exemple.fr/caf/")
    page = httpx.get(served + "/", headers={"Host": "attaquant.exemple"}, timeout=10)
    assert _client_config(page.text)["websocket"] == "wss://borne.exemple.fr/caf/ws?mode=ecran"
    assert 'src="https://borne.exemple.fr/caf/static/counter.js"' in page.text
    assert "attaquant" not in page.text


def test_the_network_needs_the_secret(tmp_path: Path) -> None:
    """Listening beyond loopback with no secret is refused before anything starts."""
    env = {k: v for k, v in os.environ.items() if k != "CAF_TUI_SERVE_SECRET"}
    result = subprocess.run(
        [_caf_tui(), "serve", "--host", "0.0.0.0", "--port", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert "ouvre la borne au réseau" in result.stderr
    assert "--secret" in result.stderr


def test_with_a_secret_only_its_holders_get_the_counter(serve: Callable[..., str]) -> None:
    served = serve(env={"CAF_TUI_SERVE_SECRET": SECRET})
    with httpx.Client(base_url=served, timeout=10) as client:
        refused = client.get("/", headers={"X-Forwarded-For": "127.0.0.1"})
        assert refused.status_code == 403
        assert "Clé de la borne requise" in refused.text
        assert '<html lang="fr">' in refused.text
        assert client.get("/?cle=mauvaise").status_code == 403
        assert client.get("/ws").status_code == 403

        first = client.get(f"/?cle={SECRET}&fontsize=20")
        assert first.status_code == 302
        assert first.headers["location"] == "/?fontsize=20"  # the secret leaves the address bar
        cookie = first.cookies["caf_tui_borne"]
        assert SECRET not in cookie
        assert "httponly" in first.headers["set-cookie"].lower()
        page = client.get("/")
        assert page.status_code == 200
        assert "counter-config" in page.text

    websocket_url = str(_client_config(page.text)["websocket"])
    output = _screen_through(
        websocket_url, "Entrée pour commencer", cookies={"caf_tui_borne": cookie}
    )
    assert "Bienvenue sur Caf" in output


def test_the_session_slots_never_pass_their_ceiling() -> None:
    from caf_tui.serve.slots import SessionSlots

    slots = SessionSlots(2)
    assert slots.take() and slots.take()
    assert slots.full and not slots.take()
    slots.give_back()
    assert slots.take()
    assert SessionSlots(None).take()
    with pytest.raises(ValueError):
        SessionSlots(0)


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("10.0.0.1", False),
        ("192.168.1.2", False),
        ("not an address", False),
        (None, False),
    ],
)
def test_only_the_loopback_is_loopback(address: str | None, loopback: bool) -> None:
    from caf_tui.serve.access import is_loopback

    assert is_loopback(address) is loopback


def test_the_cookie_proves_the_secret_without_carrying_it() -> None:
    from caf_tui.serve.access import Access

    access = Access(SECRET)
    assert access.secret_matches(SECRET) and not access.secret_matches(SECRET + "x")
    assert SECRET not in access.cookie_value()
    assert access.cookie_matches(access.cookie_value())
    assert not access.cookie_matches(SECRET) and not access.cookie_matches(None)
    assert not Access(None).cookie_matches("") and not Access(None).secret_matches("")


async def test_an_app_closed_before_it_drew_is_ended_at_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A tab closed (or reloaded) while its app starts: nobody has seen that app, so it is
    terminated at once, without the grace a visit gets to quit (which it could read only once
    started, holding a place meanwhile)."""
    from caf_tui.serve.app_process import VisitProcess

    async def nothing(*_: object) -> None:
        return None

    starting = VisitProcess(
        f"exec {sys.executable} -c 'import time; time.sleep(60)'",  # never draws
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        visit_ended=nothing,
    )
    await starting.start(80, 24)
    with caplog.at_level("WARNING", logger="caf_tui.serve"):
        await starting.stop()
    assert starting._process is not None
    assert starting._process.returncode == -signal.SIGTERM
    graces = [r for r in caplog.records if r.name == "caf_tui.serve"]
    assert graces == []  # ended by the first signal: no grace ran out
