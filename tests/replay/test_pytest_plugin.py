"""Flows are pytest items (caf_tui/replay/pytest_plugin.py), in a project of their own
(``pytester``): collected only from the folders ``caf_flows`` names, one item per flow and
front end, chosen with ``-k`` and ``-m``, reported by ``--junitxml``, a failure saying the
step, the screen and the last requests."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.replay.paul import paul_logs_in

pytest_plugins = ["pytester"]

FLOWS = Path(__file__).resolve().parents[2] / "flows"
#: Paul logs in, then the flow expects a screen he does not reach.
FAILING = paul_logs_in("paul-wrong-turn", "expect: migration_intro")
INI = (
    "[pytest]\ncaf_flows = flows\nmarkers = smoke\nasyncio_default_fixture_loop_scope = function\n"
)
#: Textual's snapshot plugin keeps its session's folder in a global: the outer run's.
ALONE = ("-p", "no:textual-snapshot", "-p", "no:randomly")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with two flows of the library (one tagged ``smoke``) and a failing one."""
    flows = pytester.mkdir("flows")
    for name in ("unknown-nir", "malformed-nir"):
        (flows / f"{name}.yaml").write_text(
            (FLOWS / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (flows / "paul-wrong-turn.yaml").write_text(FAILING, encoding="utf-8")
    (flows / "notes.txt").write_text("not a flow", encoding="utf-8")
    return pytester


def test_each_flow_is_an_item_per_front_end_chosen_by_name_and_tag(
    project: pytest.Pytester,
) -> None:
    project.makeini(INI)
    collected = project.runpytest_inprocess(*ALONE, "--co", "-q", "flows")
    assert collected.ret == 0
    assert "flows/unknown-nir.yaml::unknown-nir[tui]" in collected.outlines
    assert "flows/unknown-nir.yaml::unknown-nir[plain]" in collected.outlines
    assert "6 tests collected" in collected.stdout.str()

    by_name = project.runpytest_inprocess(
        *ALONE, "--co", "-q", "-k", "malformed and plain", "flows"
    )
    assert "flows/malformed-nir.yaml::malformed-nir[plain]" in by_name.outlines
    assert "1/6 tests collected (5 deselected)" in by_name.stdout.str()

    smoke = project.runpytest_inprocess(*ALONE, "--co", "-q", "-m", "smoke and flow", "flows")
    assert smoke.ret == 0, smoke.stdout.str()
    assert "2/6 tests collected (4 deselected)" in smoke.stdout.str()  # unknown-nir's two


def test_a_project_that_names_no_flow_folder_collects_no_yaml(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")  # no caf_flows
    assert (
        project.runpytest_inprocess(*ALONE, "--co", "-q", "flows").ret
        == pytest.ExitCode.NO_TESTS_COLLECTED
    )


def test_items_replay_and_a_failure_says_the_step_the_screen_and_the_requests(
    project: pytest.Pytester,
) -> None:
    project.makeini(INI)
    report = project.path / "junit.xml"
    run = project.runpytest_inprocess(
        *ALONE, "-k", "malformed or wrong", f"--junitxml={report}", "flows"
    )
    run.assert_outcomes(passed=2, failed=2)
    out = run.stdout.str()
    assert "paul-wrong-turn[tui] : Étape 4 : attendu l'étape « migration_intro »" in out
    assert "Écran :" in out and "Bonjour Paul LEROY" in out  # what the dashboard said
    assert "Dernières requêtes :" in out and "POST /api/v1/auth/login → 200" in out
    assert "Leroy1978" not in out
    cases = {case.get("name"): case for case in ET.parse(report).getroot().iter("testcase")}
    assert set(cases) == {
        "malformed-nir[tui]",
        "malformed-nir[plain]",
        "paul-wrong-turn[tui]",
        "paul-wrong-turn[plain]",
    }
    failure = cases["paul-wrong-turn[plain]"].find("failure")
    assert failure is not None and "Étape 4" in (failure.text or "")


@pytest.mark.slow
def test_items_spread_over_two_xdist_workers(project: pytest.Pytester) -> None:
    project.makeini(INI)
    # In process: the run's controller is this process (xdist's workers are processes anyway).
    run = project.runpytest_inprocess(*ALONE, "-v", "-n", "2", "-k", "not wrong", "flows")
    run.assert_outcomes(passed=4)
    out = run.stdout.str()
    assert "[gw0]" in out and "[gw1]" in out  # each worker replayed items on its own stub


def test_a_password_written_in_an_item_s_report_is_named_never_shown(tmp_path: Path) -> None:
    from caf_tui.replay.flow import load_flow
    from caf_tui.replay.pytest_plugin import secrets_written

    flow = load_flow(FLOWS / "karim-sms.yaml")
    (tmp_path / "dashboard.svg").write_text("<svg>Karim2024</svg>", encoding="utf-8")
    (tmp_path / "code-typed.svg").write_text("<svg>***</svg>", encoding="utf-8")
    assert secrets_written(flow, tmp_path) == ["${NEW_PASSWORD} dans dashboard.svg"]


def test_a_code_that_is_also_a_colour_is_no_leak_but_shown_it_is(tmp_path: Path) -> None:
    """Paul's wrong code « 000000 » is black in an SVG's markup: only its text counts."""
    from caf_tui.replay.flow import load_flow
    from caf_tui.replay.pytest_plugin import secrets_written

    flow = load_flow(FLOWS / "paul-change-contact.yaml")
    black = '<svg><rect fill="#000000"/><text>Profil</text></svg>'
    (tmp_path / "profile.svg").write_text(black, encoding="utf-8")
    assert secrets_written(flow, tmp_path) == []
    shown = '<svg><rect fill="#000000"/><text>Code&#160;: 000000</text></svg>'
    (tmp_path / "profile.svg").write_text(shown, encoding="utf-8")
    assert secrets_written(flow, tmp_path) == ["${WRONG_CODE} dans profile.svg"]


def test_a_flow_replays_after_a_library_left_its_loop_marked_running() -> None:
    """Playwright's sync API leaves its loop marked running between its calls: a flow item
    after the browser tests on the same worker (``--dist loadgroup``) got « asyncio.run()
    cannot be called from a running event loop »; the item sets that mark aside, then back."""
    import asyncio

    from caf_tui.replay.pytest_plugin import own_event_loop

    left = asyncio.new_event_loop()
    asyncio._set_running_loop(left)
    try:
        refused = asyncio.sleep(0)
        with pytest.raises(RuntimeError, match="running event loop"):
            asyncio.run(refused)
        refused.close()
        with own_event_loop():
            assert asyncio.run(asyncio.sleep(0, result="rejoué")) == "rejoué"
        assert asyncio._get_running_loop() is left
    finally:
        asyncio._set_running_loop(None)
        left.close()
