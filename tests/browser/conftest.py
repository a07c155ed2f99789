"""A real ``caf-tui serve`` on loopback (its own stub, a staff PIN, ``--max-sessions 2``) and
one headless Debian Chromium driven by Playwright, shared by the ``browser`` tests. What they
read is what a person at the counter sees: the page's DOM, xterm.js's rows and its
accessibility tree, never the app's memory."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.kiosk.pins import cheap_pin_hash

CHROMIUM = "/usr/bin/chromium"
#: A closed network: nothing of Chromium's own phones home, no GPU, no sandbox (root in CI).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STAFF_PIN = "482916"
MAX_SESSIONS = 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Served:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def app_pids(self) -> set[int]:
        """The app processes the server runs now: its children, read from /proc."""
        children: set[int] = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (comm) state ppid …": comm may hold spaces, so split after its ")".
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == self.process.pid and fields[0] != "Z":
                children.add(int(entry.name))
        return children

    def wait_for_app_count(self, wanted: int, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while (count := len(self.app_pids())) != wanted:
            assert time.monotonic() < deadline, f"{count} app processes, {wanted} wanted"
            time.sleep(0.05)


@contextmanager
def serving() -> Iterator[Served]:
    """A ``caf-tui serve`` on a free loopback port, until the block ends, with the kiosk's
    default idle limit (long enough for a slow machine's journey)."""
    workdir = Path(tempfile.mkdtemp(prefix="caf-serve-"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update(CAF_TUI_LANG="fr", CAF_TUI_KIOSK_PIN_HASH=cheap_pin_hash(STAFF_PIN))
    log = workdir / "serve.log"
    command = [sys.executable, "-m", "caf_tui", "serve", "--port", str(port)]
    command += ["--stub-db", str(workdir / "stub.sqlite3"), "--max-sessions", str(MAX_SESSIONS)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "caf-tui serve did not start"
                time.sleep(0.1)
        yield Served(url, process, log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def served() -> Iterator[Served]:
    """The counter most tests share, with the kiosk's default idle limit: a journey that
    waits on a loaded machine (FranceConnect in another tab) is not wiped on its way."""
    with serving() as counter:
        yield counter


@pytest.fixture(scope="session")
def browser_context() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs chromium and chromium-driver")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="caf-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1100, "height": 760},
            locale="fr-FR",
        )
        # Every request any page makes, and every websocket it opens, for the offline test.
        context.requests_seen = []  # type: ignore[attr-defined]

        def watch(page: Any) -> None:
            page.on("websocket", lambda socket: context.requests_seen.append(socket.url))

        context.on("request", lambda request: context.requests_seen.append(request.url))
        context.on("page", watch)
        try:
            yield context
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


#: How much of the end of ``caf-tui serve``'s output a failed browser test shows.
LOG_TAIL_CHARS = 6000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """A failed browser test shows the end of the server's output: what its stub refused and
    why (« franceconnect: answer rejected (…) ») is written there, not on the page. The log
    holds no secret (tests/security/test_logs_secrets.py)."""
    report = yield
    served = getattr(item, "funcargs", {}).get("served")
    if report.failed and isinstance(served, Served) and served.log.exists():
        tail = served.log.read_text(errors="replace")[-LOG_TAIL_CHARS:]
        report.sections.append(("caf-tui serve (end of its output)", tail))
    return report
