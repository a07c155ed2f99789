"""``--plain --kiosk``: the line mode on a shared terminal, against the real stub. The idle
clock is the test's (the Textual kiosk's ``IdleWatcher``); the staff PIN is a known one."""

from __future__ import annotations

import time

import httpx
import pytest
from argon2 import PasswordHasher

from caf_stub import RunningStub
from caf_tui.config import Settings
from caf_tui.plain.io import CLEAR_SEQUENCE
from tests.keyrings import MemoryKeyring
from tests.kiosk.conftest import ManualClock
from tests.plain.drive import PAUL_NIR, PAUL_PASSWORD, Session, login_answers

STAFF_PIN = "4826"
WELCOME = "Appuyez sur Entrée pour commencer :"
DASHBOARD = "1. Se déconnecter"
WARNING = "Êtes-vous toujours là ? Appuyez sur Entrée pour continuer."


@pytest.fixture(scope="module")
def kiosk_settings() -> Settings:
    pin_hash = PasswordHasher().hash(STAFF_PIN)
    return Settings.model_validate(
        {
            "plain": True,
            "kiosk": True,
            "kiosk_pin_hash": pin_hash,
            "kiosk_idle_seconds": 60,
            "kiosk_warning_seconds": 20,
        }
    )


def paul_on_his_dashboard(session: Session) -> str:
    """From the welcome to Paul's dashboard; returns his session token."""
    session.screen.wait_for(WELCOME)
    session.stdin.type("", *login_answers(PAUL_NIR, PAUL_PASSWORD))
    session.screen.wait_for(DASHBOARD)
    token = session.backend._token
    assert token
    return token


def test_the_idle_limit_wipes_the_visit_after_one_warning(
    stub: RunningStub, kiosk_settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    clock = ManualClock()
    session = Session(stub, options=kiosk_settings, monotonic=clock)
    screen = session.screen
    token = paul_on_his_dashboard(session)

    clock.now += 39  # 21 s left: nothing said yet
    time.sleep(0.2)  # twenty looks at the clock
    assert WARNING not in screen.text
    clock.now += 2  # 19 s left: the warning, once
    screen.wait_for(WARNING)
    session.stdin.type("")  # « still here »: the visit goes on, the question is asked again
    screen.wait_for("La visite continue.")
    screen.wait_for(DASHBOARD)
    clock.now += 45  # counted from the answer: the warning again, said once
    screen.wait_for(WARNING, count=2)
    clock.now += 15
    screen.wait_for(CLEAR_SEQUENCE)
    screen.wait_for(WELCOME, count=2)

    text = screen.text
    assert text.count(WARNING) == 2
    assert "Sans réponse, vos informations seront effacées dans 19 secondes." in text
    after = text.split(CLEAR_SEQUENCE)[-1]
    for trace in ("Paul", "LEROY", "78 02 99", "€", "Numéro allocataire"):
        assert trace not in after, trace
    assert "Bienvenue sur Caf - Mon Compte." in after
    # The server ended the session: the old token opens nothing.
    old = httpx.get(f"{stub.url}/api/v1/journey", headers={"Authorization": f"Bearer {token}"})
    assert old.status_code == 401
    # Only the wipe writes an escape sequence.
    assert text.replace(CLEAR_SEQUENCE, "").count("\x1b") == 0

    session.stdin.end()  # the staff leave with their PIN
    screen.wait_for("Code du personnel")
    session.stdin.type(STAFF_PIN)
    assert session.join() == 0
    assert memory_keyring.calls == []


def test_leaving_needs_the_staff_pin(
    stub: RunningStub, kiosk_settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    session = Session(stub, options=kiosk_settings, monotonic=ManualClock())
    screen = session.screen
    token = paul_on_his_dashboard(session)

    session.stdin.end()  # Ctrl-D: not a way out
    screen.wait_for("SORTIE RÉSERVÉE AU PERSONNEL")
    session.stdin.type("0000")
    screen.wait_for("Code incorrect : l'application reste ouverte.")
    screen.wait_for(DASHBOARD, count=2)  # Paul's visit goes on where it was
    session.stdin.type("q", "2")  # « Quitter » ends the visit (and wipes it), not the program
    screen.wait_for(WELCOME, count=2)
    assert screen.text.count(CLEAR_SEQUENCE) == 1
    session.stdin.type("q")  # at the welcome: the staff's exit
    screen.wait_for("Code du personnel", count=2)
    session.stdin.type(STAFF_PIN)

    assert session.join() == 0
    assert STAFF_PIN not in screen.text and "0000" not in screen.text
    old = httpx.get(f"{stub.url}/api/v1/journey", headers={"Authorization": f"Bearer {token}"})
    assert old.status_code == 401
    assert memory_keyring.calls == []
