"""The report ``caf-tui replay`` writes, on a few flows of the library (the library itself is
replayed by its pytest items, once per front end: ``pytest flows/``)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from caf_tui.cli import main
from caf_tui.replay.flow import load_flow

FLOWS = Path(__file__).resolve().parents[2] / "flows"
#: Karim's migration (screenshots of a typed code and the dashboard), Paul's dashboard.
SOME = [FLOWS / "karim-sms.yaml", FLOWS / "paul-dashboard.yaml"]


@pytest.mark.slow  # two journeys through Textual
def test_the_report_says_how_long_each_flow_took_and_keeps_no_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report"
    status = main(["replay", *map(str, SOME), "--report", str(report)])
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    failed = {f["name"]: f["failure"] for f in results["flows"] if f["status"] != "passed"}
    assert status == 0, failed
    names = {f["name"] for f in results["flows"]}
    assert names == {path.stem for path in SOME}
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
    # Codes typed are masked in the screenshots; no password of the flows anywhere.
    passwords = {
        value
        for path in SOME
        for name, value in load_flow(path).variables.items()
        if "PASSWORD" in name and value is not None
    }
    assert {"83051234", "Karim2024", "Leroy1978"} <= passwords
    for path in report.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not [value for value in passwords if value in text], path


def test_the_line_mode_report_keeps_what_was_said(tmp_path: Path) -> None:
    report = tmp_path / "report"
    status = main(["replay", str(SOME[0]), "--plain", "--report", str(report)])
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert status == 0, results["flows"][0]["failure"]
    assert {f["mode"] for f in results["flows"]} == {"plain"}
    dashboard = (report / "karim-sms" / "dashboard.txt").read_text(encoding="utf-8")
    assert "Bonjour Karim TADJ" in dashboard
