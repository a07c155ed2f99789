"""``caf-tui kiosk-pin`` and ``caf-tui replay --examples``, through the command tree."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from caf_tui.cli import main
from caf_tui.kiosk.pin import verify_pin

REPOSITORY_FLOWS = Path(__file__).resolve().parents[2] / "flows"


def type_pins(monkeypatch: pytest.MonkeyPatch, *pins: str) -> None:
    """Each prompt of getpass answered by the next of ``pins``, as typed at the keyboard."""
    typed = iter(pins)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))


def test_kiosk_pin_prints_the_hash_of_a_pin_typed_twice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    type_pins(monkeypatch, "24682468", "24682468")
    assert main(["kiosk-pin"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("$argon2id$") and "24682468" not in printed
    assert verify_pin(printed, "24682468")


def test_kiosk_pin_refuses_two_different_pins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    type_pins(monkeypatch, "24682468", "13571357")
    assert main(["kiosk-pin"]) == 1
    assert capsys.readouterr().err.strip() == "Les deux codes diffèrent."


def test_kiosk_pin_takes_no_argument(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["kiosk-pin", "1234"])  # a PIN on the command line would stay in the history
    assert exited.value.code == 2
    assert "arguments non reconnus : 1234" in capsys.readouterr().err


def test_replay_examples_copies_the_flow_library_and_its_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", "--examples", str(tmp_path / "exemples")]) == 0
    copied = sorted(path.name for path in (tmp_path / "exemples").iterdir())
    shipped = sorted(
        path.name for path in REPOSITORY_FLOWS.iterdir() if path.suffix in (".yaml", ".json")
    )
    assert copied == shipped and "flow.schema.json" in copied
    assert f"{len(copied)} fichiers copiés" in capsys.readouterr().out
