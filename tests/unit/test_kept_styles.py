"""The parsed styles kept from one start to the next (issue 15, point 4): a start reads back the
rules an earlier one parsed instead of parsing them, and which rules each node got instead of
matching them again; an edited source is parsed and matched; a broken file is no worse than
none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.geometry import Spacing
from textual.layout import Layout
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from caf_tui.styles import kept
from caf_tui.styles.matched import MatchedOnce
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
    monkeypatch.setattr(ParsedOnce, "_source_tokens", {})
    monkeypatch.setattr(MatchedOnce, "_matches", {})
    monkeypatch.setattr(MatchedOnce, "_seen", {})
    monkeypatch.setattr(MatchedOnce, "_alike", {})
    monkeypatch.setattr(MatchedOnce, "_token_of_number", {})
    monkeypatch.setattr(MatchedOnce, "kept_matches", {})
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


# --- matches ---------------------------------------------------------------------------------


class Styled(App[None]):
    """A start of an app styled as caf-tui's are: its rules parsed once, its matches kept."""

    def __init__(self, css: str, link: type[Static] = Static) -> None:
        self.CSS = css
        self.link = link
        super().__init__()
        kept.read_kept()
        self.stylesheet = ParsedOnce(variables=self.get_css_variables())

    def compose(self) -> ComposeResult:
        with Vertical(id="column"):
            yield Label("Identifiant", id="identifier", classes="label")
            yield Button("Se connecter", id="login", variant="primary")
            yield self.link("Mot de passe oublié ?", id="forgot", classes="link")


CSS = """
#column { width: 30; }
.label { color: red; text-style: bold; }
#column > Button.-primary { margin: 1 2; }
Static.link:hover { text-style: underline; }
"""


async def styles_of_a_start(
    css: str = CSS, link: type[Static] = Static
) -> dict[str, dict[str, object]]:
    """Each widget's base rules once the app is painted, as its first start keeps them."""
    app = Styled(css, link)
    async with app.run_test() as pilot:
        await pilot.pause()
        styles = {
            f"{type(node).__name__}#{node.id}": {
                # A layout has no equality of its own: one start's is not another's.
                name: type(value) if isinstance(value, Layout) else value
                for name, value in node.styles.base.get_rules().items()
            }
            for node in app.screen.walk_children(Widget)
        }
        kept.keep()
    return styles


def refuse_matching(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    matched: list[str] = []
    textuals = Stylesheet.apply

    def counted(self: Stylesheet, node: DOMNode, **kwargs: Any) -> None:
        matched.append(type(node).__name__)
        textuals(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    return matched


async def test_a_later_start_gets_each_nodes_match_back(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await styles_of_a_start()
    assert first["Label#identifier"]["color"] == Color.parse("red")
    assert first["Button#login"]["margin"] == Spacing(1, 2, 1, 2)

    next_start(monkeypatch)
    matched = refuse_matching(monkeypatch)
    assert await styles_of_a_start() == first
    assert {"Label", "Button", "Static", "Vertical"}.isdisjoint(matched)


async def test_an_edited_rule_is_matched_anew(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await styles_of_a_start()
    next_start(monkeypatch)
    matched = refuse_matching(monkeypatch)
    edited = await styles_of_a_start(CSS.replace("color: red", "color: blue"))
    assert edited["Label#identifier"]["color"] == Color.parse("blue")
    assert "Label" in matched


def test_a_place_says_each_type_as_a_selector_sees_it() -> None:
    """A kept match is found by its place said without objects: a node's type by its CSS names
    (a ``Link`` made on ``Label`` is not one made on ``Static``: ``Label.link`` is its rule),
    not by the class object (another start's ``Link`` made the same way is the same)."""
    on_static = type("Link", (Static,), {})
    on_label = type("Link", (Label,), {})
    again = type("Link", (Static,), {})

    def place(node_type: type) -> tuple[object, ...]:
        return (
            (Vertical, "column", frozenset(), (False,) * 4),
            (node_type, None, frozenset({"link"}), (False,) * 4),
        )

    assert MatchedOnce._stable_place(place(on_static)) != MatchedOnce._stable_place(place(on_label))
    assert MatchedOnce._stable_place(place(on_static)) == MatchedOnce._stable_place(place(again))


def test_the_kept_file_holds_the_matches_and_replaces_an_older_versions(
    fresh_process: Path,
) -> None:
    older = kept.kept_file().parent / "rules-0123456789abcdef.pickle"
    older.parent.mkdir(parents=True)
    older.write_bytes(b"an older version's")
    kept.read_kept()
    parsed()
    kept.keep()
    assert not older.exists()
    import pickle

    assert set(pickle.loads(kept.kept_file().read_bytes())) == {"rules", "matches"}


async def login_styles() -> dict[str, dict[str, object]]:
    """Every node of caf-tui's login, its base rules, once painted (and kept)."""
    from caf_tui.app import CafApp
    from caf_tui.backend.http import HttpBackend
    from caf_tui.config import Settings

    app = CafApp(
        Settings(remember=False, cursor_blink=False), backend=HttpBackend("http://127.0.0.1:9")
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        styles = {
            f"{node.css_path_nodes}": {
                name: type(value) if isinstance(value, Layout) else value
                for name, value in node.styles.base.get_rules().items()
            }
            for node in app.screen.walk_children(Widget, with_self=True)
        }
        kept.keep()
    return styles


async def test_the_login_of_a_later_start_is_styled_as_the_first(
    fresh_process: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await login_styles()
    assert len(first) > 30
    next_start(monkeypatch)
    matched = refuse_matching(monkeypatch)
    from caf_tui.app import CafApp

    at_the_frame: list[list[str]] = []
    painted = CafApp._after_the_first_frame

    def counted(app: CafApp) -> None:
        at_the_frame.append(list(matched))
        painted(app)

    monkeypatch.setattr(CafApp, "_after_the_first_frame", counted)
    assert await login_styles() == first
    # Matched anew before the frame: only the tick boxes' labels, whose rules look at their
    # siblings or descendants (matched every time, as Textual does).
    assert at_the_frame == [["DOMNode", "DOMNode"]]
