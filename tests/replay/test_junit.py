"""``junit.xml`` stays valid XML whatever a failure says (an escape sequence on the screen, a
NUL), and tells the replay's own errors (``<error>``) from flows not met (``<failure>``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from caf_tui.cli import main
from caf_tui.replay.report import write_report
from caf_tui.replay.results import Failure, FlowResult, StepResult
from tests.replay.paul import paul_logs_in

#: Paul logs in, then the flow looks for a text holding ESC (YAML's "\e"): it fails, and its
#: message and the screen's text go into junit.xml.
ESCAPED = paul_logs_in("paul-escape", 'expect_text: "\\e[31mBonjour"')


def test_a_failing_flow_with_an_escape_and_a_broken_script_yield_a_readable_junit_xml(
    tmp_path: Path,
) -> None:
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "a-paul-escape.yaml").write_text(ESCAPED, encoding="utf-8")
    (tmp_path / "flows" / "b-broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    report = tmp_path / "report"

    assert main(["replay", str(tmp_path / "flows"), "--report", str(report)]) == 1

    suite = ET.parse(report / "junit.xml").getroot()  # an XML parser reads it
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "1")
    escaped, broken = suite.findall("testcase")
    failure = escaped.find("failure")
    assert failure is not None and escaped.find("error") is None
    assert "\\x1b[31mBonjour" in (failure.get("message") or "")
    assert "\x1b" not in (failure.text or "")
    error = broken.find("error")
    assert error is not None and broken.find("failure") is None
    assert "script illisible" in (error.get("message") or "")


def test_every_character_xml_forbids_is_written_out(tmp_path: Path) -> None:
    screen = "Erreur \x1b[1;31m!\x1b[0m\x00\x07 fin\ttab\ud800"
    result = FlowResult(
        name="bell\x07",
        file="f.yaml",
        status="failed",
        seconds=1.0,
        steps=[StepResult(number=1, label="expect_text: \x1b", status="failed")],
        failure=Failure(step=1, message="attendu « \x1b »", screen=screen),
    )
    write_report([result], tmp_path, 1.0)
    case = ET.parse(tmp_path / "junit.xml").getroot().find("testcase")
    assert case is not None and case.get("name") == "bell\\x07"
    failure = case.find("failure")
    assert failure is not None
    assert "Erreur \\x1b[1;31m!\\x1b[0m\\x00\\x07 fin\ttab\\xd800" in (failure.text or "")
