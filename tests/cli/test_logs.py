"""Logs: ``--log-level``, ``--log-format json`` (one object a line), rotation, and never a
secret — the stub's own events are there at info, redacted as its journal is."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from caf_stub import RunningStub
from caf_stub.log_redaction import redact_record
from caf_stub.personas import HOUSEHOLDS
from caf_stub.testing import CODE
from caf_tui import logs
from caf_tui.cli import main
from caf_tui.config import Settings

FLOWS = Path(__file__).resolve().parents[2] / "flows"
KARIM_NEW_PASSWORD = "Karim2024"  # flows/karim-sms.yaml


@pytest.mark.usefixtures("restore_logging")
def test_a_journey_s_json_log_holds_no_password_and_no_code(tmp_path: Path) -> None:
    log = tmp_path / "caf-tui.log"
    status = main(
        [
            "--log-level",
            "debug",
            "--log-format",
            "json",
            "--log-file",
            str(log),
            "replay",
            str(FLOWS / "karim-sms.yaml"),
            "--report",
            str(tmp_path / "report"),
        ]
    )
    assert status == 0
    text = log.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) > 20
    assert {"asctime", "levelname", "name", "message"} <= set(records[0])
    stub_events = [r["message"] for r in records if r["name"] == "caf_stub"]
    assert any("logged in" in message for message in stub_events)  # the stub's own, at info
    assert any(r["name"] == "httpx" and "/api/v1/" in r["message"] for r in records)
    secrets = [p.password for h in HOUSEHOLDS for p in h.members if p.password]
    for secret in [*secrets, KARIM_NEW_PASSWORD, CODE]:
        assert secret not in text, secret


def test_request_paths_are_redacted_as_in_the_journal() -> None:
    access = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        (
            "127.0.0.1:5000",
            "GET",
            "/api/v1/auth/franceconnect/flow-secret/status?state=s3",
            "1.1",
            200,
        ),
        None,
    )
    redact_record(access)
    assert "flow-secret" not in access.getMessage() and "s3" not in access.getMessage()
    sent = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        "HTTP Request: %s %s",
        ("POST", httpx.URL("http://127.0.0.1/fc/qr-secret?code=654321")),
        None,
    )
    redact_record(sent)
    assert "qr-secret" not in sent.getMessage() and "654321" not in sent.getMessage()
    extra = logging.makeLogRecord({"msg": "x", "password": "Leroy1978", "body": {"code": "1"}})
    redact_record(extra)
    assert extra.password == "***"  # type: ignore[attr-defined]


@pytest.mark.usefixtures("restore_logging")
def test_the_log_file_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.configure_logging(Settings(log_file=tmp_path / "app.log", log_level="info"))
    assert path == tmp_path / "app.log"
    for number in range(300):
        logging.getLogger("caf_tui").info("ligne %d du journal", number)
    assert (tmp_path / "app.log.1").exists() and (tmp_path / "app.log.3").exists()
    assert not (tmp_path / "app.log.4").exists()  # BACKUPS old files kept, no more
    assert (tmp_path / "app.log").stat().st_size <= 2_000


@pytest.mark.usefixtures("restore_logging")
def test_caf_stub_logs_its_own_events_at_info_and_no_secret(
    stub: RunningStub, capsys: pytest.CaptureFixture[str]
) -> None:
    from caf_stub.__main__ import RunSettings, configure_logging

    configure_logging(RunSettings(log_level="info", log_format="json"))
    answer = httpx.post(
        stub.url + "/api/v1/auth/login",
        json={"identifier": "1 78 02 99 999 015 71", "password": "Leroy1978"},
    )
    assert answer.status_code == 200
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    assert any(line["name"] == "caf_stub" and "logged in" in line["message"] for line in lines)
    assert "Leroy1978" not in json.dumps(lines)


@pytest.mark.usefixtures("restore_logging")
def test_the_default_level_keeps_the_stub_s_info_out(tmp_path: Path, stub: RunningStub) -> None:
    logs.configure_logging(Settings(log_file=tmp_path / "app.log"))
    httpx.post(
        stub.url + "/api/v1/auth/login",
        json={"identifier": "1 78 02 99 999 015 71", "password": "Leroy1978"},
    )
    assert "logged in" not in (tmp_path / "app.log").read_text(encoding="utf-8")
