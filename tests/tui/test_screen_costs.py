"""What showing a screen costs (``caf_tui.screens.frames``, ``widgets.footer``): a new screen's
widgets are styled once, a screen resumed again is restyled, the replay's headless
app renders no frame until a screenshot asks for one, and footer keys mount without restyles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Button, Input, Static
from textual.widgets._footer import FooterKey

from caf_tui.replay import settle
from caf_tui.screens.frames import ShownAtCost
from caf_tui.widgets.footer import KeysFooter


def _fields() -> ComposeResult:
    yield Static("Titre", id="title")
    yield Input(id="first")
    yield Input(id="second")
    yield Button("Valider", id="validate")


class Ours(ShownAtCost, Screen[None]):
    def compose(self) -> ComposeResult:
        yield from _fields()


class Textuals(Screen[None]):
    def compose(self) -> ComposeResult:
        yield from _fields()


class Shows(App[None]):
    paints_headless = True

    def __init__(self, first: Screen[None]) -> None:
        super().__init__()
        self.first = first

    def on_mount(self) -> None:
        self.push_screen(self.first)


def calls_of(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[tuple[Any, ...]]:
    """The arguments (``self`` first) of each call to ``owner.name`` from now on, passed on."""
    calls: list[tuple[Any, ...]] = []
    method = getattr(owner, name)

    def noted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return method(*args, **kwargs)

    monkeypatch.setattr(owner, name, noted)
    return calls


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], int]:
    """How many times the widget of an id has had the stylesheet applied so far."""
    applied = calls_of(monkeypatch, Stylesheet, "apply")
    return lambda id_: sum(1 for _, node in applied if node.id == id_)


@pytest.mark.parametrize(("screen", "times"), [(Ours, 1), (Textuals, 2)])
async def test_a_new_screen_is_styled_once(
    styled: Callable[[str], int], screen: type[Screen[None]], times: int
) -> None:
    """Textual's own screen shows the second pass the mixin saves."""
    app = Shows(screen())
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        assert styled("title") == times
        assert styled("second") == times
        assert app.screen.query_one("#title", Static).styles.height is not None


async def test_a_screen_resumed_again_is_restyled(styled: Callable[[str], int]) -> None:
    """Only the first resume, right after the mount, skips Textual's restyle."""
    app = Shows(Ours())
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        before = styled("title")
        app.screen.post_message(events.ScreenResume())
        await settle.settle(pilot)
        assert styled("title") == before + 1


@pytest.mark.parametrize("paints", [True, False])
async def test_the_replays_headless_app_renders_frames_only_for_a_screenshot(
    monkeypatch: pytest.MonkeyPatch, paints: bool
) -> None:
    from textual._compositor import Compositor

    rendered = calls_of(monkeypatch, Compositor, "render_update")
    app = Shows(Ours())
    app.paints_headless = paints
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        await settle.press(pilot, "tab")
        app.screen.query_one("#first", Input).value = "Karim"
        await settle.settle(pilot)
        assert bool(rendered) is paints
        rendered.clear()
        svg = app.export_screenshot()
        assert rendered, "a screenshot renders the screen itself"
        assert "Karim" in svg and "Valider" in svg


class WithFooter(App[None]):
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[Any]] = [("f1", "help", "Aide"), ("f2", "other", "Autre")]

    def __init__(self, compact: bool) -> None:
        super().__init__()
        self.compact = compact

    def compose(self) -> ComposeResult:
        yield Input()
        footer = KeysFooter()
        footer.compact = self.compact
        yield footer


@pytest.mark.parametrize("compact", [False, True])
async def test_footer_keys_mount_without_a_restyle(
    monkeypatch: pytest.MonkeyPatch, compact: bool
) -> None:
    restyled = calls_of(monkeypatch, DOMNode, "update_node_styles")
    app = WithFooter(compact)
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        keys = list(app.screen.query(FooterKey))
        assert len(keys) == 2
        assert all(key.has_class("-compact") is compact for key in keys)
        assert all(key.compact is compact for key in keys)
        assert [node for node, *_ in restyled if isinstance(node, FooterKey)] == []
