"""The flow library replays green (once, two at a time), and the report says so."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from caf_tui.cli import main

FLOWS = Path(__file__).resolve().parents[2] / "flows"


def test_the_whole_library_replays_green_in_parallel(tmp_path: Path, capsys: object) -> None:
    report = tmp_path / "report"
    status = main(["replay", str(FLOWS), "--jobs", "2", "--report", str(report)])
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    failed = {f["name"]: f["failure"] for f in results["flows"] if f["status"] != "passed"}
    assert status == 0, failed
    names = {f["name"] for f in results["flows"]}
    assert names == {p.stem for p in FLOWS.glob("*.yaml")}
    assert all(f["seconds"] > 0 for f in results["flows"])

    suite = ET.parse(report / "junit.xml").getroot()
    assert suite.get("tests") == str(len(names)) and suite.get("failures") == "0"
    assert all(float(case.get("time", "0")) > 0 for case in suite.iter("testcase"))
    page = (report / "index.html").read_text(encoding="utf-8")
    assert "karim-sms" in page and f"{len(names)} réussi(s), 0 échoué(s)" in page
    assert (report / "karim-sms" / "dashboard.svg").read_text().startswith("<svg")
    # The code typed is masked in the screenshot; no demo password anywhere in the report.
    for path in report.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "83051234" not in text and "Karim2024" not in text


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
