"""« Mes attestations » through the app (issue 18 point 3): the screen saves each PDF into the
download folder and says where, the test opens it with a PDF reader; in kiosk mode (both front
ends) it is e-mailed and nothing is written under HOME."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from textual.pilot import Pilot
from textual.widgets import Static

from caf_stub import RunningStub
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.screens.account_views import AttestationsScreen
from caf_tui.user_cache import user_cache_dir
from tests.kiosk.conftest import ManualClock
from tests.plain.drive import PAUL_NIR, PAUL_PASSWORD, Session, Typist, login_answers, run
from tests.plain.test_kiosk import STAFF_PIN
from tests.rights.test_attestations import _text
from tests.tui.drive import log_in
from tests.tui.migration import press

KINDS = ("situation", "paiement", "quotient_familial")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A HOME of its own: platformdirs' download folder is ``HOME/Downloads``."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    yield tmp_path


#: What would say a file holds something of Paul's: his name, his allocataire number, his
#: e-mail, or a PDF at all.
PAULS = re.compile(rb"LEROY|Leroy|3307462|paul\.leroy|%PDF")


def written(home: Path) -> list[str]:
    """What was written under ``home`` but the app's own caches (the parsed styles, the
    settings, the catalog: a process writes them once, whichever app of a test run paints
    first, and they hold nothing of a person's)."""
    caches = user_cache_dir()
    return [
        str(path.relative_to(home))
        for path in home.rglob("*")
        if path.is_file() and not path.is_relative_to(caches)
    ]


def holding_pauls(home: Path) -> list[str]:
    """The files under ``home``, caches included, that hold anything of Paul's."""
    return [
        str(path.relative_to(home))
        for path in home.rglob("*")
        if path.is_file() and PAULS.search(path.read_bytes())
    ]


@asynccontextmanager
async def pauls_attestations(
    stub: RunningStub, *, kiosk: bool
) -> AsyncIterator[tuple[Pilot[None], HttpBackend]]:
    """The app (in kiosk mode or not) with Paul logged in and « Mes attestations » pressed."""
    backend = HttpBackend(stub.url)
    settings = Settings(remember=False, cursor_blink=False, kiosk=kiosk)
    async with CafApp(settings, backend=backend).run_test(size=(100, 40)) as pilot:
        await log_in(pilot, PAUL_NIR, PAUL_PASSWORD)
        await press(pilot, "#section-attestations")
        yield pilot, backend


async def test_each_attestation_is_saved_and_its_pdf_holds_the_household(
    stub: RunningStub, home: Path
) -> None:
    async with pauls_attestations(stub, kiosk=False) as (pilot, _):
        app = pilot.app
        assert isinstance(app.screen, AttestationsScreen)
        saved: dict[str, Path] = {}
        for kind in KINDS:
            await press(pilot, f"#download-{kind}")
            said = str(app.screen.query_one(f"#delivered-{kind}", Static).render())
            found = re.fullmatch(r"Attestation enregistrée dans : (.+\.pdf)", said)
            assert found, said
            saved[kind] = Path(found.group(1))
    for kind, path in saved.items():
        assert path.parent == home / "Downloads", path
        text = _text(path.read_bytes())
        for expected in ["Paul LEROY", "Numéro allocataire : 3307462", "27/11/2026"]:
            assert expected in text, (kind, text)


async def test_in_kiosk_mode_the_screen_emails_it_and_writes_nothing(
    stub: RunningStub, home: Path
) -> None:
    async with pauls_attestations(stub, kiosk=True) as (pilot, backend):
        await press(pilot, "#download-paiement")
        said = str(pilot.app.screen.query_one("#delivered-paiement", Static).render())
        outbox = await backend.demo_outbox()
    assert said == (
        "Attestation envoyée à paul.leroy@example.com : rien n'est enregistré sur cet ordinateur."
    )
    assert "Votre attestation de paiement" in [message.subject for message in outbox]
    assert written(home) == []
    assert holding_pauls(home) == []


def test_the_line_mode_saves_it_and_says_where(stub: RunningStub, home: Path) -> None:
    status, out = run(stub, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "5", "2", "4", "1"])
    assert status == 0, out
    found = re.search(r"Attestation enregistrée dans : (.+\.pdf)\n", out)
    assert found, out
    path = Path(found.group(1))
    assert path.parent == home / "Downloads"
    assert "Numéro allocataire : 3307462" in _text(path.read_bytes())


def test_the_line_mode_in_kiosk_mode_emails_it(stub: RunningStub, home: Path) -> None:
    options = Settings.model_validate(
        {"plain": True, "kiosk": True, "kiosk_pin_hash": PasswordHasher().hash(STAFF_PIN)}
    )
    session = Session(stub, options=options, monotonic=ManualClock())
    typist = Typist(session)
    typist.type("", "Appuyez sur Entrée pour commencer")
    typist.type("1", "Votre choix")
    typist.type(PAUL_NIR, "Numéro de Sécurité sociale")
    typist.type(PAUL_PASSWORD, "Mot de passe")
    typist.choose("Mes attestations")
    typist.choose("Recevoir « Attestation de quotient familial » par e-mail")
    said = typist.wait("Attestation envoyée à")
    session.stdin.end()  # the staff leave with their PIN
    typist.type(STAFF_PIN, "Code du personnel")
    assert session.join() == 0
    assert "Attestation envoyée à paul.leroy@example.com" in said
    assert written(home) == []
    assert holding_pauls(home) == []
