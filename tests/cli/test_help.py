"""``caf-tui --help`` lists every subcommand and every setting with its variable, in the chosen
language (argparse's own headings too); ``--version`` comes from the package metadata."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from caf_stub.__main__ import RunSettings
from caf_stub.__main__ import main as stub_main
from caf_stub.settings import StubSettings
from caf_tui.cli import main
from caf_tui.cli_commands import SUBCOMMANDS
from caf_tui.config import Settings, variable_name
from caf_tui.config_sources import FLAGS


def _help(capsys: pytest.CaptureFixture[str], *argv: str, command=main) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exited:
        command([*argv, "--help"])
    assert exited.value.code == 0
    return re.sub(r"[ \t\n]+", " ", capsys.readouterr().out)


def test_the_help_lists_every_subcommand_and_every_setting_with_its_variable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = _help(capsys)
    for name, *_rest in SUBCOMMANDS:
        assert f" {name} " in text, name
    for name in Settings.model_fields:
        assert f"[{variable_name(name)}]" in text or variable_name(name) in text, name
    for flag in FLAGS.values():
        assert flag in text
    assert "--no-plain" in text and "--no-remember" in text
    assert "utilisation : caf-tui" in text
    assert "options\u00a0:" in text and "commandes\u00a0:" in text
    assert "affiche cette aide et quitte" in text
    assert "show this help" not in text and "usage:" not in text


def test_the_help_in_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, "--lang", "en")
    assert "usage: caf-tui" in text
    assert "show this help message and exit" in text
    assert "commands:" in text and "[CAF_TUI_THEME]" in text
    assert "utilisation" not in text and "affiche cette aide" not in text


@pytest.mark.parametrize("command", [name for name, *_rest in SUBCOMMANDS])
def test_every_subcommand_has_its_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    text = _help(capsys, command)
    assert f"utilisation : caf-tui {command}" in text


def test_the_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    for command, prog in ((main, "caf-tui"), (stub_main, "caf-stub")):
        with pytest.raises(SystemExit) as exited:
            command(["--version"])
        assert exited.value.code == 0
        assert capsys.readouterr().out.strip() == f"{prog} {version('caf-tui')}"


def test_caf_stub_has_a_flag_for_every_setting_with_its_variable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = _help(capsys, command=stub_main)
    for model in (StubSettings, RunSettings):
        for name in model.model_fields:
            assert "--" + name.replace("_", "-") in text, name
            assert f"[CAF_STUB_{name.upper()}]" in text, name
    assert "utilisation : caf-stub" in text and "affiche la version et quitte" in text


def test_a_wrong_flag_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "de"])
    assert exited.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert "--lang" in lines[0] and "'de'" in lines[0] and "'fr', 'en'" in lines[0]
    assert "erreur" in lines[0]


def test_caf_stub_s_help_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, "--lang", "en", command=stub_main)
    assert "usage: caf-stub" in text and "address to listen on" in text
    assert "[CAF_STUB_FIXED_CODE]" in text and "utilisation" not in text
