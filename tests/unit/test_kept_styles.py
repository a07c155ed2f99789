"""The parsed styles kept from one start to the next (issue 15, point 4): a start reads back the
rules an earlier one parsed instead of parsing them; an edited source is parsed; a broken file
is no worse than none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from caf_tui.styles import kept
from caf_tui.styles.parsed import ParsedOnce

SOURCE = "Button.-narrow { width: 1fr; color: $primary; }\n#login { margin: 1 2; }"
VARIABLES = {"primary": "#0057b8"}


@pytest.fixture
def fresh_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A process that has parsed nothing, read nothing, kept nothing, its cache in tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    next_start(monkeypatch)
    yield tmp_path


def parsed(source: str = SOURCE, variables: dict[str, str] = VARIABLES) -> list[RuleSet]:
    stylesheet = ParsedOnce(variables=dict(variables))
    stylesheet.add_source(source, read_from=("login.tcss", ""))
    stylesheet.parse()
    return stylesheet.rules


def next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: nothing parsed, read or kept yet."""
    monkeypatch.setattr(ParsedOnce, "_rules_of", {})
    monkeypatch.setattr(kept._ThisProcess, "read", None)
    monkeypatch.setattr(kept._ThisProcess, "written", False)


def refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parsing(*args: object, **kwargs: object) -> list[RuleSet]:
        raise AssertionError("parsed again")

    monkeypatch.setattr(Stylesheet, "_parse_rules", no_parsing)


def test_a_later_start_reads_the_rules_back(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept.read_kept()
    first = parsed()
    kept.keep()
    assert kept.kept_file().is_file()

    next_start(monkeypatch)
    kept.read_kept()
    refuse_parsing(monkeypatch)
    assert [rule.css for rule in parsed()] == [rule.css for rule in first]


def test_an_edited_source_is_parsed(fresh_process: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept.read_kept()
    parsed()
    kept.keep()

    next_start(monkeypatch)
    kept.read_kept()
    edited = parsed(SOURCE.replace("margin: 1 2", "margin: 2 4"))
    assert "margin: 2 4" in "".join(rule.css for rule in edited)


def test_a_broken_file_is_parsed_anew(fresh_process: Path) -> None:
    kept.kept_file().parent.mkdir(parents=True)
    kept.kept_file().write_bytes(b"not a pickle")
    kept.read_kept()
    assert "width: 1fr" in "".join(rule.css for rule in parsed())
    kept.keep()
    assert kept.kept_file().read_bytes() != b"not a pickle"


def test_a_start_that_parsed_nothing_new_writes_nothing(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept.read_kept()
    parsed()
    kept.keep()
    written = kept.kept_file().stat().st_mtime_ns

    next_start(monkeypatch)
    kept.read_kept()
    parsed()
    kept.keep()
    assert kept.kept_file().stat().st_mtime_ns == written


def test_rules_that_cannot_be_pickled_are_parsed_at_each_start(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept.read_kept()
    parsed()
    ParsedOnce._rules_of[()] = {("unpicklable", ("", ""), False, 0, ""): [lambda: None]}  # type: ignore[list-item]
    kept.keep()  # the app goes on
    assert not kept.kept_file().exists()


def test_other_variables_are_parsed_with_theirs(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another theme's colours: the same source, parsed again with its own variables."""
    first = parsed()
    assert "#0057B8" in "".join(rule.css for rule in first)
    contrast = parsed(variables={"primary": "#ffff00"})
    assert "#FFFF00" in "".join(rule.css for rule in contrast)
    refuse_parsing(monkeypatch)
    assert [rule.css for rule in parsed()] == [rule.css for rule in first]


def test_a_file_of_an_older_shape_is_parsed_anew(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An earlier caf-tui's file (rules by one flat key): not read, replaced."""
    import pickle

    kept.kept_file().parent.mkdir(parents=True)
    kept.kept_file().write_bytes(pickle.dumps({("css", ("a", ""), False, 0, "", ()): []}))
    kept.read_kept()
    assert "width: 1fr" in "".join(rule.css for rule in parsed())
    kept.keep()
    next_start(monkeypatch)
    kept.read_kept()
    refuse_parsing(monkeypatch)
    assert "width: 1fr" in "".join(rule.css for rule in parsed())
