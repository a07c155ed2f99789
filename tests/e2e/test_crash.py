"""A real ``caf-stub`` killed with SIGKILL mid-journey loses nothing it confirmed."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx

from tests.e2e.test_processes import StubProcess

API = "/api/v1"
KARIM = {"identifier_kind": "nir", "identifier": "1830599999011", "password": "83051234"}
NEW = "Karim2024"


def test_sigkill_after_terms_and_password_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "stub.sqlite3"
    first = StubProcess(db)
    try:
        with httpx.Client(base_url=first.url + API, timeout=10) as http:
            token = http.post("/auth/login", json=KARIM).json()["session"]["token"]
            http.headers["Authorization"] = f"Bearer {token}"
            http.post("/journey/migration_intro/start").raise_for_status()
            http.post(
                "/journey/accept_terms", json={"version": "2021-10", "accepted": True}
            ).raise_for_status()
            answer = http.post(
                "/journey/choose_password", json={"password": NEW, "confirmation": NEW}
            )
            assert answer.json()["next"]["step"] == "confirm_contact"
    finally:
        first.stop(signal.SIGKILL)  # no shutdown, no checkpoint: as a power cut
    assert first.process.returncode == -signal.SIGKILL

    second = StubProcess(db)
    try:
        with httpx.Client(base_url=second.url + API, timeout=10) as http:
            # The session opened before the crash still holds, at the same step…
            resumed = http.get("/journey", headers={"Authorization": f"Bearer {token}"})
            assert resumed.json()["next"]["step"] == "confirm_contact"
            # …the old password is gone and the new one works, landing on the same step.
            old = http.post("/auth/login", json=KARIM)
            assert old.status_code == 401
            again = http.post("/auth/login", json={**KARIM, "password": NEW})
            assert again.json()["next"]["step"] == "confirm_contact"
    finally:
        second.stop()
