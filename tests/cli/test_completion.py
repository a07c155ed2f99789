"""``caf-tui completion bash|zsh|fish``: made by shtab from the parser the command reads."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from caf_tui.cli import main
from caf_tui.cli_commands import SUBCOMMANDS
from caf_tui.completion import script


def test_bash_sources_the_script_and_knows_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["completion", "bash"]) == 0
    written = capsys.readouterr().out
    bash = shutil.which("bash")
    assert bash is not None
    shown = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", 'eval "$COMPLETION" && complete -p caf-tui'],
        env={"COMPLETION": written, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr == ""
    assert shown.stdout.strip().endswith(" caf-tui")
    assert "complete " in shown.stdout


def test_bash_completes_the_subcommands_and_a_setting_s_choices() -> None:
    completed = subprocess.run(
        [
            "bash",
            "--norc",
            "--noprofile",
            "-c",
            'eval "$COMPLETION"; COMP_WORDS=(caf-tui --theme ""); COMP_CWORD=2; '
            "COMP_LINE='caf-tui --theme '; COMP_POINT=${#COMP_LINE}; "
            '$(complete -p caf-tui | sed "s/.*-F \\([^ ]*\\) .*/\\1/") caf-tui "" --theme; '
            'printf "%s\\n" "${COMPREPLY[@]}"',
        ],
        env={"COMPLETION": script("bash"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert sorted(completed.stdout.split()) == ["ansi", "caf", "contrast"], completed.stderr


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_subcommand(shell: str) -> None:
    written = script(shell)
    for name, *_rest in SUBCOMMANDS:
        assert name in written
    assert "--kiosk-idle-seconds" in written or "kiosk-idle-seconds" in written


def test_the_stub_has_its_completion_too() -> None:
    written = script("bash", "caf-stub")
    assert "--fixed-code" in written and "caf-stub" in written


def test_paths_complete_with_file_and_folder_names() -> None:
    written = script("bash")
    assert "_shtab_caf_tui_replay_pos_0_COMPGEN=_shtab_compgen_files" in written
    assert "_shtab_caf_tui_replay___report_COMPGEN=_shtab_compgen_dirs" in written
    assert "_shtab_caf_tui___config_COMPGEN=_shtab_compgen_files" in written


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    import sys
    from pathlib import Path

    caf_tui = str(Path(sys.executable).parent / "caf-tui")
    piped = subprocess.run(
        ["bash", "-c", f'"{caf_tui}" completion bash | true'],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert piped.stderr == ""
