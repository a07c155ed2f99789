"""The settings of a start are validated once and cached under the hash of all they came from:
the next start with the same inputs paints from the cached values (the real settings built after
the frame), any change is a miss validated before the frame, a wrong value still stops the start,
and no secret is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caf_tui.cli import main
from caf_tui.config import Settings
from caf_tui.settings_cache import CachedSettings, settings_cache_dir

PIN_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


class Start:
    """What ``caf-tui`` handed the app it would have run."""

    def __init__(
        self,
        settings: Settings | CachedSettings,
        backend: object = None,
        *,
        validated_later: Callable[[], Settings] | None = None,
    ) -> None:
        self.settings = settings
        self.validated_later = validated_later

    def run(self) -> None:
        STARTS.append(self)


STARTS: list[Start] = []


@pytest.fixture(autouse=True)
def app_not_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    STARTS.clear()
    monkeypatch.setattr("caf_tui.app.CafApp", Start)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log file


def _start() -> Start:
    before = len(STARTS)
    assert main(["--no-plain"]) == 0
    assert len(STARTS) == before + 1
    return STARTS[-1]


def test_the_same_inputs_paint_from_the_cache_and_validate_after_the_frame() -> None:
    first = _start()
    assert isinstance(first.settings, Settings) and first.validated_later is None
    second = _start()
    assert isinstance(second.settings, CachedSettings)
    assert second.validated_later is not None
    validated = second.validated_later()
    assert validated == first.settings
    for name, value in first.settings.model_dump(exclude={"kiosk_pin_hash"}).items():
        assert getattr(second.settings, name) == value, name


def test_a_changed_variable_is_seen_on_the_next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    _start()
    monkeypatch.setenv("CAF_TUI_THEME", "contrast")
    second = _start()
    assert second.validated_later is None  # a miss: validated before the frame
    assert second.settings.theme == "contrast"


def test_a_changed_file_is_seen_on_the_next_start(config_toml: Path) -> None:
    config_toml.write_text('theme = "ansi"\n', encoding="utf-8")
    assert _start().settings.theme == "ansi"
    config_toml.write_text('theme = "contrast"\n', encoding="utf-8")
    second = _start()
    assert second.validated_later is None and second.settings.theme == "contrast"


def test_a_bad_value_still_stops_the_start_after_a_good_one_was_cached(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _start()
    _start()  # painted from the cache
    monkeypatch.setenv("CAF_TUI_KIOSK_IDLE_SECONDS", "25")
    capsys.readouterr()
    assert main(["--no-plain"]) == 2
    assert len(STARTS) == 2  # no login flashed
    assert capsys.readouterr().err.startswith(
        "Réglage kiosk_idle_seconds (variable CAF_TUI_KIOSK_IDLE_SECONDS) : « 25 » n'est pas "
        "accepté"
    )


def test_no_secret_is_written_to_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAF_TUI_KIOSK_PIN_HASH", PIN_HASH)
    _start()
    second = _start()
    assert not hasattr(second.settings, "kiosk_pin_hash")
    assert second.validated_later is not None
    assert second.validated_later().kiosk_pin_hash is not None  # read after the frame
    written = {
        path.name: path.read_text(encoding="utf-8") for path in settings_cache_dir().iterdir()
    }
    assert written and not any(PIN_HASH in text for text in written.values())
    values = [text for name, text in written.items() if not name.startswith("flags-")]
    assert values and not any("pin_hash" in text for text in values)
