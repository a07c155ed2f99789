"""``caf-tui replay`` against a given server, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from caf_stub import RunningStub
from caf_tui.cli import main

FLOWS = Path(__file__).resolve().parents[2] / "flows"


def test_replay_against_a_given_server(
    stub: RunningStub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report"
    flow = str(FLOWS / "paul-dashboard.yaml")
    assert main(["replay", flow, "--backend", stub.url, "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "✓ paul-dashboard" in out and "1/1 parcours réussis" in out
    assert (report / "paul-dashboard" / "paul-dashboard.svg").exists()


def test_a_wrong_expectation_fails_in_plain_mode_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "wrong.yaml"
    script.write_text(
        (FLOWS / "paul-dashboard.yaml")
        .read_text(encoding="utf-8")
        .replace("- expect: dashboard", "- expect: migration_intro"),
        encoding="utf-8",
    )
    assert main(["replay", str(script), "--plain", "--report", str(tmp_path / "r")]) == 1
    out = capsys.readouterr().out
    assert "attendu l'étape « migration_intro », le mode ligne à ligne est à « dashboard »" in out


def test_nothing_to_replay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", str(tmp_path), "--report", str(tmp_path / "r")]) == 2
    assert "Aucun parcours" in capsys.readouterr().err
