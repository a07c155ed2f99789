"""The config file (``$XDG_CONFIG_HOME/caf-tui/config.toml``): flags > variables > file >
defaults, and ``caf-tui config`` says where each setting came from."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from caf_tui.cli import main, settings_from_args


def _config(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, str]:
    assert main([*argv, "config"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return {
        line.split(" = ")[0]: line for line in lines if " = " in line and not line.startswith("#")
    }


def test_the_file_sets_the_theme_and_the_language_and_config_says_so(
    config_toml: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CAF_TUI_LANG")
    config_toml.write_text('theme = "contrast"\nlang = "en"\n', encoding="utf-8")

    settings = settings_from_args([])
    assert (settings.theme, settings.lang) == ("contrast", "en")

    shown = _config(capsys)
    assert shown["theme"] == f'theme = "contrast"  # file {config_toml}'  # in English now
    assert shown["lang"] == f'lang = "en"  # file {config_toml}'
    assert shown["kiosk_idle_seconds"] == "kiosk_idle_seconds = 120  # default"


def test_a_variable_beats_the_file_and_a_flag_beats_both(
    config_toml: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config_toml.write_text('theme = "contrast"\nkiosk_idle_seconds = 90\n', encoding="utf-8")
    monkeypatch.setenv("CAF_TUI_THEME", "ansi")
    monkeypatch.setenv("CAF_TUI_KIOSK_IDLE_SECONDS", "60")

    shown = _config(capsys, "--kiosk-idle-seconds", "45")
    assert shown["theme"] == 'theme = "ansi"  # variable CAF_TUI_THEME'
    assert shown["kiosk_idle_seconds"] == ("kiosk_idle_seconds = 45  # option --kiosk-idle-seconds")
    assert shown["lang"] == 'lang = "fr"  # variable CAF_TUI_LANG'


def test_config_prints_a_file_that_can_be_read_back(
    config_toml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--theme", "ansi", "--no-remember", "config"]) == 0
    written = capsys.readouterr().out
    assert written.startswith(f"# Fichier de réglages : {config_toml} (absent)")
    config_toml.write_text(written, encoding="utf-8")
    read = tomllib.loads(written)
    assert read["theme"] == "ansi" and read["remember"] is False
    assert settings_from_args([]).theme == "ansi"  # from the file now


def test_another_file_by_flag_or_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    counter = tmp_path / "guichet.toml"
    counter.write_text("kiosk = true\nassist = true\n", encoding="utf-8")
    shown = _config(capsys, "--config", str(counter))
    assert shown["kiosk"] == f"kiosk = true  # fichier {counter}"
    assert shown["remember"].startswith("remember = false")  # a kiosk never uses the keyring
    monkeypatch.setenv("CAF_TUI_CONFIG", str(counter))
    assert settings_from_args([]).assist is True


def test_the_pin_hash_is_never_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAF_TUI_KIOSK_PIN_HASH", "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0$aGFzaA")
    shown = _config(capsys)
    assert shown["kiosk_pin_hash"] == (
        'kiosk_pin_hash = "(masqué)"  # variable CAF_TUI_KIOSK_PIN_HASH'
    )
    assert "argon2id" not in capsys.readouterr().out
