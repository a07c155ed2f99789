"""Steps of the TUI driver that a wrong script or a dialog could trip: each fails at its own
step with a clear message, and nothing secret reaches a screenshot."""

from __future__ import annotations

from pathlib import Path

from caf_tui.replay.results import FlowResult
from caf_tui.replay.runner import ReplayOptions, replay_file


def replay(tmp_path: Path, script: str) -> FlowResult:
    path = tmp_path / "flow.yaml"
    path.write_text(script, encoding="utf-8")
    return replay_file(path, ReplayOptions(report_dir=tmp_path / "report"))


def test_a_screenshot_masks_a_secret_shown_in_clear_under_a_dialog(tmp_path: Path) -> None:
    result = replay(
        tmp_path,
        "name: flow\nvariables: {P: Leroy1978}\nsteps:\n"
        "  - fill: {password: '${P}'}\n"
        "  - press: toggle-password\n"  # the password now drawn in clear on the login screen…
        "  - key: f1\n"  # …which stays visible under the help dialog
        "  - expect_text: AIDE\n"
        "  - screenshot: help\n",
    )
    assert result.passed, result.failure
    svg = (tmp_path / "report" / "flow" / "help.svg").read_text(encoding="utf-8")
    assert "AIDE" in svg and "Leroy1978" not in svg


def test_an_error_expected_beside_a_field_the_screen_lacks_fails_at_that_step(
    tmp_path: Path,
) -> None:
    result = replay(
        tmp_path, "name: flow\nsteps:\n  - expect: login\n  - expect_error: {field: nowhere}\n"
    )
    assert result.failure is not None and result.failure.step == 2
    assert "aucune erreur n'est affichée pour le champ « nowhere »" in result.failure.message


def test_read_text_keeps_what_the_screen_shows_for_the_next_steps(tmp_path: Path) -> None:
    result = replay(
        tmp_path,
        "name: flow\nsteps:\n"
        "  - read_text: 'Première (connexion) ?'\n    into: WORD\n"
        "  - fill: {identifier: '${WORD}'}\n"
        "  - expect_text: '<identifier : connexion>'\n",
    )
    assert result.passed, result.failure


def test_read_text_fails_when_the_screen_does_not_show_it(tmp_path: Path) -> None:
    result = replay(
        tmp_path, "name: flow\nsteps:\n  - read_text: '(T[0-9]{8})'\n    into: TEMPORARY_ID\n"
    )
    assert result.failure is not None and result.failure.step == 1
    assert "l'écran ne montre rien qui réponde à « (T[0-9]{8}) »" in result.failure.message
