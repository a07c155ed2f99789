"""Issue 13, defect 7: no secret reaches the console or the journal.

A real ``caf-stub`` process (uvicorn with its real log configuration, access log on) goes
through a FranceConnect sign-in and logins; its stdout, stderr and ``/_stub/journal`` must hold
no persona password, code, token, state, nonce, flow id or provider interaction id.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pydantic import BaseModel, SecretStr

from caf_stub import RunningStub
from caf_stub.personas import KARIM, PAUL
from tests.conftest import stub_client
from tests.franceconnect.browser import Browser

START_TIMEOUT = 30.0
RUNNING = re.compile(r"Uvicorn running on (http://\S+)")


@dataclass
class StubProcess:
    """``caf-stub`` on an ephemeral port; every line it writes is kept."""

    process: subprocess.Popen[str]
    url: str = ""
    lines: list[str] = field(default_factory=list)
    _started: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def start(cls) -> StubProcess:
        script = Path(sys.executable).parent / "caf-stub"
        process = subprocess.Popen(
            [str(script), "--host", "127.0.0.1", "--port", "0", "--db", ":memory:"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        running = cls(process)
        assert process.stdout is not None and process.stderr is not None
        for stream in (process.stdout, process.stderr):
            threading.Thread(target=running._read, args=(stream,), daemon=True).start()
        if not running._started.wait(START_TIMEOUT):
            process.kill()
            raise AssertionError("caf-stub did not start:\n" + "\n".join(running.lines))
        return running

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.append(line)
            found = RUNNING.search(line)
            if found:
                self.url = found.group(1)
            if self.url and any("Application startup complete" in seen for seen in self.lines):
                self._started.set()

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=15)
        return "".join(self.lines)


@pytest.fixture(scope="module")
def caf_stub() -> Iterator[StubProcess]:
    running = StubProcess.start()
    yield running
    if running.process.poll() is None:
        running.stop()


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_no_secret_reaches_the_console_or_the_journal(caf_stub: StubProcess) -> None:
    secrets: list[str] = [KARIM.password or "", PAUL.password or "", "Wrong-but-secret-42"]
    api = httpx.Client(base_url=caf_stub.url, timeout=10)
    browser = Browser(cast(RunningStub, None))
    try:
        # FranceConnect, through the browser, then the app collecting its session.
        flow = api.post("/api/v1/auth/franceconnect").json()
        authorize = _query(flow["authorize_url"])
        secrets += [flow["flow_id"], authorize["state"], authorize["nonce"]]
        secrets.append(urlsplit(flow["browser_url"]).path.rsplit("/", 1)[1])  # the QR link
        consent = browser.sign_in_to_consent(flow["browser_url"])
        secrets.append(urlsplit(str(consent.url)).path.split("/")[3])  # the interaction id
        redirect = browser.decide(consent, "accept")
        secrets.append(_query(redirect.headers["location"])["code"])
        assert browser.open(redirect.headers["location"]).status_code == 200
        done = api.get(f"/api/v1/auth/franceconnect/{flow['flow_id']}").json()
        secrets.append(done["session"]["token"])
        # Logins: one right, one wrong.
        karim = {"identifier_kind": "nir", "identifier": KARIM.nir, "password": KARIM.password}
        login = api.post("/api/v1/auth/login", json=karim)
        assert login.status_code == 200, login.text
        secrets.append(login.json()["session"]["token"])
        wrong = {"identifier_kind": "nir", "identifier": PAUL.nir, "password": secrets[2]}
        assert api.post("/api/v1/auth/login", json=wrong).status_code == 401
        journal = api.get("/_stub/journal").text
    finally:
        api.close()
        browser.close()
    console = caf_stub.stop()

    # Neither the console nor the journal holds any secret…
    for secret in secrets:
        assert secret and secret not in console, f"the console shows {secret[:4]}…"
        assert secret not in journal, f"the journal shows {secret[:4]}…"
    # …though both did note the requests, their secrets hidden.
    assert '"POST /api/v1/auth/login HTTP/1.1" 200' in console
    assert "GET /api/v1/auth/franceconnect/*** HTTP/1.1" in console
    assert "state=***" in console and "code=***" in console
    assert "/franceconnect/interaction/***" in journal


SECRET = "Z9-never-logged-7Q"


def _secret_fields() -> set[str]:
    """Every field of the contract typed SecretStr: each must be hidden in the journal."""
    import caf_tui.api as contract

    modules = [contract] + [
        importlib.import_module(f"caf_tui.api.{info.name}")
        for info in pkgutil.iter_modules(contract.__path__)
    ]
    names = set()
    for value in (v for module in modules for v in vars(module).values()):
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, info in value.model_fields.items():
                if info.annotation is SecretStr:
                    names.add(name)
    return names


def test_the_journal_hides_the_contract_secrets_and_the_usual_names_at_any_depth(
    stub: RunningStub,
) -> None:
    names = _secret_fields() | {"passwd", "pwd", "otp", "pin", "client_secret", "new_password"}
    assert {"password", "code", "flow_token", "current_password"} <= names
    layer: dict[str, Any] = {name: SECRET for name in names}
    body: dict[str, Any] = layer
    for _ in range(12):  # deep, in lists and objects
        layer = {"items": [dict.fromkeys(names, SECRET) | {"next": layer}]}
    body = layer
    with stub_client(stub) as client:
        client.delete("/_stub/journal")
        client.post("/api/v1/auth/login", json=body)
        client.get("/api/v1/auth/franceconnect/" + SECRET, params={"state": SECRET, "x": SECRET})
        entries = client.get("/_stub/journal").text
    assert "/api/v1/auth/login" in entries
    assert SECRET not in entries
