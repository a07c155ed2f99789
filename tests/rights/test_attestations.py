"""« Mes attestations »: real PDF files from the household's data (opened here with pypdf),
saved in the download folder under a new name, or in kiosk mode sent by e-mail with nothing
written under HOME (issue 18 point 3)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pydantic import SecretStr
from pypdf import PdfReader

from caf_stub import RunningStub
from caf_stub.personas import KARIM, PAUL
from caf_tui.api import IdentifierKind
from caf_tui.api.declarations import AttestationKind
from caf_tui.attestations import deliver
from caf_tui.backend.declarations import safe_filename
from caf_tui.backend.errors import Forbidden
from caf_tui.backend.http import HttpBackend
from tests.rights.conftest import MOVE
from tests.stub.helpers import Portal, error_of


def _text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    ("kind", "amounts"),
    [
        ("situation", ["Situation familiale : en couple", "Lucas TADJ"]),
        ("paiement", ["Aide personnalisée au logement : 287,45 euros", "05/11/2026"]),
        ("quotient_familial", ["Nombre de parts : 2,5", "Quotient familial : 901 euros"]),
    ],
)
def test_each_attestation_is_a_pdf_of_the_household(
    karim: Portal, kind: str, amounts: list[str]
) -> None:
    response = karim.get(f"/account/attestations/{kind}/pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    name = f"attestation-{kind.replace('_', '-')}-4821573-2026-11-27.pdf"
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    text = _text(response.content)
    for expected in ["Allocataire : Karim TADJ", "Numéro allocataire : 4821573", "27/11/2026"]:
        assert expected in text
    assert "12 rue des Lilas, 93200 Saint-Denis" in text
    for expected in amounts:
        assert expected in text


def test_the_attestation_follows_the_declared_address(karim: Portal) -> None:
    karim.ok("POST", "/account/declarations/address", MOVE)
    text = _text(karim.get("/account/attestations/situation/pdf").content)
    assert "5 avenue de la République, 93100 Montreuil" in text


def test_sent_by_email_names_the_pdf(karim: Portal, zohra: Portal) -> None:
    karim.http.delete("/_stub/outbox")
    sent = karim.ok("POST", "/account/attestations/paiement/send")
    assert sent["emailed_to"] == KARIM.email
    assert sent["filename"] == "attestation-paiement-4821573-2026-11-27.pdf"
    [mail] = karim.outbox()
    assert mail["subject"] == "Votre attestation de paiement"
    assert "Pièce jointe : attestation-paiement-4821573-2026-11-27.pdf (PDF, " in mail["body"]
    # Zohra, without the right to consult payments, gets neither its file nor its e-mail.
    assert error_of(zohra.post("/account/attestations/paiement/send"))["code"] == "forbidden"
    assert zohra.get("/account/attestations/situation/pdf").status_code == 200


def test_a_server_never_chooses_where_the_file_lands() -> None:
    kind = AttestationKind.PAIEMENT
    assert safe_filename('attachment; filename="a-b_1.pdf"', kind) == "a-b_1.pdf"
    for hostile in ('attachment; filename="../../.bashrc.pdf"', 'filename="/etc/x.pdf"', None):
        assert safe_filename(hostile, kind) == "attestation-paiement.pdf"


async def _paul(stub: RunningStub) -> HttpBackend:
    backend = HttpBackend(stub.url)
    assert PAUL.nir is not None and PAUL.password is not None
    await backend.login(IdentifierKind.NIR, PAUL.nir, SecretStr(PAUL.password))
    return backend


async def test_saved_into_downloads_under_a_new_name(stub: RunningStub, tmp_path: Path) -> None:
    downloads = tmp_path / "Téléchargements"
    backend = await _paul(stub)
    try:
        first = await deliver(backend, AttestationKind.PAIEMENT, kiosk=False, downloads=downloads)
        second = await deliver(backend, AttestationKind.PAIEMENT, kiosk=False, downloads=downloads)
    finally:
        await backend.aclose()
    assert first.path == downloads / "attestation-paiement-3307462-2026-11-27.pdf"
    assert second.path == downloads / "attestation-paiement-3307462-2026-11-27 (2).pdf"
    assert first.emailed_to is None
    assert "Allocataire : Paul LEROY" in _text(first.path.read_bytes())
    assert sorted(p.name for p in downloads.iterdir()) == sorted(
        [first.path.name, second.path.name]
    )


async def test_default_folder_is_platformdirs_downloads(
    stub: RunningStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    backend = await _paul(stub)
    try:
        saved = await deliver(backend, AttestationKind.SITUATION, kiosk=False)
    finally:
        await backend.aclose()
    assert saved.path == tmp_path / "Downloads" / "attestation-situation-3307462-2026-11-27.pdf"


async def test_kiosk_sends_by_email_and_writes_nothing_under_home(
    stub: RunningStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    backend = await _paul(stub)
    try:
        delivered = await deliver(backend, AttestationKind.QUOTIENT_FAMILIAL, kiosk=True)
        outbox = await backend.demo_outbox()
    finally:
        await backend.aclose()
    assert delivered.path is None
    assert delivered.emailed_to == PAUL.email
    assert outbox[0].subject == "Votre attestation de quotient familial"
    assert [files for _root, _dirs, files in os.walk(home) if files] == []


async def test_the_client_sees_the_servers_refusal(stub: RunningStub, tmp_path: Path) -> None:
    zohra = HttpBackend(stub.url)
    try:
        # Zohra: migrated spouse with no right granted (Karim has not decided yet).
        await zohra.login(IdentifierKind.NIR, "285079999901252", SecretStr("Zohra2024"))
        with pytest.raises(Forbidden) as refused:
            await deliver(zohra, AttestationKind.PAIEMENT, kiosk=False, downloads=tmp_path)
    finally:
        await zohra.aclose()
    assert "Karim TADJ" in refused.value.detail.message
    assert list(tmp_path.iterdir()) == []
