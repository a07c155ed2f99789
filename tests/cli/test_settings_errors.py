"""A wrong setting — from a flag, a variable or the config file — is one line in French: which
setting, what was given, what is accepted; exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from caf_tui.cli import main
from caf_tui.config import Settings, variable_name


class Wrong(NamedTuple):
    """A value a setting refuses, and a word of what it accepts (said in the refusal)."""

    given: str
    accepted: str


#: A wrong value for every setting that can have one.
BAD: dict[str, Wrong] = {
    "backend_url": Wrong("127.0.0.1:8800", accepted="http://"),
    "backend_kind": Wrong("grpc", accepted="http"),
    "plain": Wrong("peut-être", accepted="1 ou 0"),
    "theme": Wrong("contraste", accepted="caf, contrast, ansi"),
    "lang": Wrong("de", accepted="fr, en"),
    "remember": Wrong("oui", accepted="1 ou 0"),
    "cursor_blink": Wrong("2", accepted="1 ou 0"),
    "kiosk": Wrong("borne", accepted="1 ou 0"),
    "kiosk_idle_seconds": Wrong("25", accepted="au moins 30"),
    "kiosk_warning_seconds": Wrong("10", accepted="au moins 20"),
    "kiosk_session_seconds": Wrong("abc", accepted="au moins 60"),
    "kiosk_pin_hash": Wrong("1234", accepted="argon2"),
    "assist": Wrong("agent", accepted="1 ou 0"),
    "log_level": Wrong("bavard", accepted="debug, info, warning, error"),
    "log_format": Wrong("xml", accepted="text, json"),
}
#: Settings any value of which is taken (a path is made when first needed).
FREE = {"stub_db", "log_file"}


def test_every_setting_has_a_wrong_value_tried() -> None:
    assert set(BAD) | FREE == set(Settings.model_fields)


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return lines[0]


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_wrong_variable_is_one_french_line(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    given, accepted = BAD[name]
    monkeypatch.setenv(variable_name(name), given)
    line = _refused(capsys, ["config"])
    assert line.startswith(f"Réglage {name} (variable {variable_name(name)}) : ")
    assert "n'est pas accepté ; attendu : " in line and accepted in line
    if name == "kiosk_pin_hash":
        assert given not in line and "(valeur masquée)" in line  # never said back
    else:
        assert f"« {given} »" in line


def test_the_idle_time_of_25_seconds_from_a_flag(capsys: pytest.CaptureFixture[str]) -> None:
    line = _refused(capsys, ["--kiosk-idle-seconds", "25"])
    assert line == (
        "Réglage kiosk_idle_seconds (option --kiosk-idle-seconds) : « 25 » n'est pas accepté ; "
        "attendu : un nombre entier de secondes, au moins 30."
    )


def test_a_warning_as_long_as_the_idle_time_is_said_on_the_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = _refused(capsys, ["--kiosk-idle-seconds", "30", "--kiosk-warning-seconds", "30"])
    assert line.startswith("Réglage kiosk_warning_seconds (option --kiosk-warning-seconds)")
    assert "moins que kiosk_idle_seconds" in line


def test_a_wrong_value_in_the_config_file_names_the_file(
    config_toml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_toml.write_text('theme = "contraste"\n', encoding="utf-8")
    line = _refused(capsys, ["config"])
    assert line == (
        f"Réglage theme (fichier {config_toml}) : « contraste » n'est pas accepté ; "
        "attendu : caf, contrast, ansi."
    )


def test_an_unknown_setting_in_the_file_is_refused_with_the_known_ones(
    config_toml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_toml.write_text('themes = "ansi"\n', encoding="utf-8")
    line = _refused(capsys, ["config"])
    assert "réglage inconnu « themes »" in line and "theme, lang" in line


def test_a_file_that_is_not_toml_is_one_line(
    config_toml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_toml.write_text("theme = contrast\n", encoding="utf-8")
    line = _refused(capsys, ["config"])
    assert line.startswith(f"Fichier de réglages {config_toml} illisible") and "TOML" in line


def test_every_wrong_setting_is_said_at_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAF_TUI_THEME", "contraste")
    monkeypatch.setenv("CAF_TUI_KIOSK_IDLE_SECONDS", "abc")
    assert main(["config"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "Réglage theme",
        "Réglage kiosk_idle_seconds",
    ]


def test_in_english_with_lang_en(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAF_TUI_THEME", "contraste")
    line = _refused(capsys, ["--lang", "en", "config"])
    assert line == (
        "Setting theme (variable CAF_TUI_THEME): « contraste » is not accepted; "
        "expected: caf, contrast, ansi."
    )


def test_caf_stub_says_a_wrong_setting_the_same_way(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from caf_stub.__main__ import main as stub_main

    monkeypatch.setenv("CAF_STUB_MAX_CODE_ATTEMPTS", "0")
    assert stub_main(["--fixed-code", "12"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        "Réglage fixed_code (option --fixed-code) : « 12 » n'est pas accepté ; "
        "attendu : exactement 6 chiffres.",
        "Réglage max_code_attempts (variable CAF_STUB_MAX_CODE_ATTEMPTS) : « 0 » n'est pas "
        "accepté ; attendu : un nombre entier, au moins 1.",
    ]
