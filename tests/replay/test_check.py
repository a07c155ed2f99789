"""``caf-tui replay --check``: flows validated, nothing replayed, each error with its file and
line in French; ``include:`` brings another flow's steps and variables, and refuses a cycle."""

from __future__ import annotations

from pathlib import Path

import pytest

from caf_tui.cli import main
from caf_tui.replay.flow import Fill, Press, load_flow
from tests.replay.paul import paul_logs_in

FLOWS = Path(__file__).resolve().parents[2] / "flows"
BAD = """\
name: bad
steps:
  - expect: login
  - press: login
    extra: 1
  - fill: {password: en-clair}
  - expect: nowhere
"""
LOGIN = paul_logs_in("paul-login")
DASHBOARD = """\
name: paul-logs-in-again
persona: paul
variables:
  PAUL_PASSWORD: Autre2027
steps:
  - include: paul-login.yaml
  - expect: dashboard
"""


def test_the_library_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "--check", str(FLOWS)]) == 0
    assert f"{len(list(FLOWS.glob('*.yaml')))} parcours valide(s)." in capsys.readouterr().out


def test_each_error_names_its_file_and_line_and_nothing_is_replayed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    report = tmp_path / "report"

    assert main(["replay", "--check", str(tmp_path), "--report", str(report)]) == 2

    err = capsys.readouterr().err.splitlines()
    bad = str(tmp_path / "bad.yaml")
    assert f"{bad}:5: clé inconnue « extra »" in err
    assert any(line.startswith(f"{bad}:6: le champ « password » reçoit un secret") for line in err)
    assert any(line.startswith(f"{bad}:7: « nowhere » n'est pas permis ici") for line in err)
    assert any(line.startswith(f"{tmp_path / 'broken.yaml'}:2: YAML illisible") for line in err)
    assert err[-1] == "4 erreur(s) dans les parcours : rien n'a été rejoué."
    assert not report.exists()


def test_an_included_flow_brings_its_steps_and_variables_the_includer_s_winning(
    tmp_path: Path,
) -> None:
    (tmp_path / "paul-login.yaml").write_text(LOGIN, encoding="utf-8")
    (tmp_path / "again.yaml").write_text(DASHBOARD, encoding="utf-8")
    flow = load_flow(tmp_path / "again.yaml")
    assert [type(step) for step in flow.steps[1:3]] == [Fill, Press]
    assert len(flow.steps) == 4
    assert flow.variables == {"PAUL_NIR": "1 78 02 99 999 015 71", "PAUL_PASSWORD": "Autre2027"}


def test_an_include_cycle_is_refused_at_the_include_s_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_text(
        "name: a\nsteps:\n  - expect: login\n  - include: b.yaml\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text("name: b\nsteps:\n  - include: a.yaml\n", encoding="utf-8")
    assert main(["replay", "--check", str(tmp_path / "a.yaml")]) == 2
    err = capsys.readouterr().err
    assert (
        f"{tmp_path / 'a.yaml'}:4: b.yaml, étape 1 : inclusion en boucle (a.yaml → b.yaml → a.yaml)"
        in err
    )
