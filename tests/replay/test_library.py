"""The flow library replays green (once, two at a time), and the report says so."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from caf_tui.cli import main
from caf_tui.replay.flow import load_flow

FLOWS = Path(__file__).resolve().parents[2] / "flows"


def test_the_whole_library_replays_green_in_parallel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report"
    status = main(["replay", str(FLOWS), "--jobs", "2", "--report", str(report)])
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    failed = {f["name"]: f["failure"] for f in results["flows"] if f["status"] != "passed"}
    assert status == 0, failed
    names = {f["name"] for f in results["flows"]}
    assert names == {p.stem for p in FLOWS.glob("*.yaml")} and len(names) >= 20
    seconds = {f["name"]: f["seconds"] for f in results["flows"]}
    assert all(took > 0 for took in seconds.values())

    # Every report says how long each flow took: the JUnit cases, the page, the console.
    suite = ET.parse(report / "junit.xml").getroot()
    assert suite.get("tests") == str(len(names)) and suite.get("failures") == "0"
    cases = {case.get("name"): float(case.get("time", "0")) for case in suite.iter("testcase")}
    assert cases == pytest.approx(seconds, abs=0.001)
    page = (report / "index.html").read_text(encoding="utf-8")
    assert f"{len(names)} réussi(s), 0 échoué(s)" in page
    console = capsys.readouterr().out
    for name, took in seconds.items():
        assert f'<a href="#{name}">{name}</a></td><td>{took:.2f} s</td>' in page
        assert f"{name}  {took:.2f} s" in console
    assert (report / "karim-sms" / "dashboard.svg").read_text().startswith("<svg")
    # Codes typed are masked in the screenshots; no password of any flow anywhere in the report
    # (the short demo « 123 » of FranceConnect could match any number, so it is left out).
    passwords = {
        value
        for path in FLOWS.glob("*.yaml")
        for name, value in load_flow(path).variables.items()
        if "PASSWORD" in name and value is not None and len(value) >= 6
    }
    assert {"83051234", "Karim2024", "Leroy1978", "Paul2027"} <= passwords
    for path in report.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not [value for value in passwords if value in text], path


def test_the_whole_library_replays_green_through_the_line_mode(tmp_path: Path) -> None:
    report = tmp_path / "report"
    status = main(["replay", str(FLOWS), "--plain", "--jobs", "2", "--report", str(report)])
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    failed = {f["name"]: f["failure"] for f in results["flows"] if f["status"] != "passed"}
    assert status == 0, failed
    assert {f["mode"] for f in results["flows"]} == {"plain"}
    assert len(results["flows"]) == len(list(FLOWS.glob("*.yaml")))
    dashboard = (report / "karim-sms" / "dashboard.txt").read_text(encoding="utf-8")
    assert "Bonjour Karim TADJ" in dashboard
