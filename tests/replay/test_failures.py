"""A flow that goes wrong fails with a report that shows the step, the screen and the requests."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from pathlib import Path

from caf_tui.cli import main
from caf_tui.replay.runner import ReplayOptions, replay_file
from tests.replay.paul import paul_logs_in

WRONG = paul_logs_in("paul-wrong-expectation", "expect: migration_intro", "press: start")


def test_a_wrong_expectation_fails_with_the_step_the_screen_and_the_requests(
    tmp_path: Path,
) -> None:
    script = tmp_path / "paul-wrong-expectation.yaml"
    script.write_text(WRONG, encoding="utf-8")
    report = tmp_path / "report"

    status = main(["replay", str(script), "--report", str(report)])

    assert status == 1
    suite = ET.parse(report / "junit.xml").getroot()
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert "attendu l'étape « migration_intro », l'application est à « dashboard »" in (
        failure.get("message") or ""
    )
    text = failure.text or ""
    assert "Étape 4" in text
    assert "✓  3. press: login" in text and "·  5. press: start" in text
    assert "Bonjour Paul LEROY" in text  # the screen
    assert "POST /api/v1/auth/login → 200" in text  # the requests, from the stub's journal
    assert '"password": "***"' in text and "Leroy1978" not in text
    page = (report / "index.html").read_text(encoding="utf-8")
    assert "paul-wrong-expectation/failure.svg" in page
    assert (report / "paul-wrong-expectation" / "failure.svg").exists()


def test_an_unreadable_script_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    script = tmp_path / "broken.yaml"
    script.write_text("name: broken\nsteps:\n  - fill: {password: clair}\n", encoding="utf-8")
    result = replay_file(script, ReplayOptions(report_dir=tmp_path))
    assert not result.passed and result.failure is not None
    assert "jamais la valeur" in result.failure.message


def test_a_step_that_hangs_fails_after_the_step_timeout(tmp_path: Path) -> None:
    script = tmp_path / "slow.yaml"
    script.write_text(
        "name: slow\nsteps:\n"
        "  - fault: {route: /api/v1/auth/login, latency: {ms: 1500}}\n"
        "  - fill: {identifier: 1 78 02 99 999 015 71, password: '${P}'}\n"
        "  - press: login\n"
        "variables: {P: Leroy1978}\n",
        encoding="utf-8",
    )
    options = ReplayOptions(report_dir=tmp_path, step_timeout=1.0)
    result = asyncio.run(asyncio.to_thread(replay_file, script, options))
    assert result.failure is not None and result.failure.step == 3
    assert "délai de 1 s dépassé" in result.failure.message


BY_WORDS = """\
name: by-words
variables: {PAUL_NIR: 1 78 02 99 999 015 71, PAUL_PASSWORD: Leroy1978}
steps:
  - expect: login
  - fill: {identifier: "${PAUL_NIR}", password: "${PAUL_PASSWORD}"}
  - press: Se connecter
"""


def test_a_button_named_by_its_words_is_not_found_on_screen(tmp_path: Path) -> None:
    script = tmp_path / "by-words.yaml"
    script.write_text(BY_WORDS, encoding="utf-8")
    result = replay_file(script, ReplayOptions(report_dir=tmp_path / "r"))
    assert result.failure is not None and result.failure.step == 3
    assert "aucun élément « Se connecter » à l'écran" in result.failure.message
    assert "login" in result.failure.message  # the ids it could have pressed


def test_a_choice_named_by_its_words_is_not_answered_in_the_line_mode(tmp_path: Path) -> None:
    script = tmp_path / "by-words.yaml"
    script.write_text(BY_WORDS, encoding="utf-8")
    result = replay_file(script, ReplayOptions(report_dir=tmp_path / "r", plain=True))
    assert result.failure is not None and result.failure.step == 3
    assert "aucun choix « Se connecter » parmi : nir, temporary, forgot" in (result.failure.message)
