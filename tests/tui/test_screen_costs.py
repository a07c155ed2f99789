"""What showing a screen costs (``caf_tui.screens.frames``, ``widgets.footer``,
``styles.matched``): a new screen's widgets are styled once and arranged once, a screen resumed
again is restyled, a focus change redraws the fields it moves between, the replay's headless
app renders no frame until a screenshot asks for one, footer keys mount without restyles, and
nodes at one place in the DOM share one match of the rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.css.styles import Styles
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Button as TextualButton
from textual.widgets import Input, Label, RadioButton, RadioSet, Static
from textual.widgets._footer import FooterKey

from caf_tui.replay import settle
from caf_tui.screens.frames import ShownAtCost
from caf_tui.styles.matched import MatchedOnce
from caf_tui.widgets.button import Button
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


class Boxed(ShownAtCost, Screen[None]):
    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield from _fields()


class TextualsBoxed(Screen[None]):
    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield from _fields()


@pytest.mark.parametrize(("screen", "times"), [(Boxed, 1), (TextualsBoxed, 2)])
async def test_a_new_screen_is_arranged_once(
    monkeypatch: pytest.MonkeyPatch, screen: type[Screen[None]], times: int
) -> None:
    """Textual's own screen is laid out again at the next frame, its container arranged anew
    for the virtual sizes the first layout gave the fields."""
    import textual.widget

    arranged = calls_of(monkeypatch, textual.widget, "arrange")
    app = Shows(screen())
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        arranged.clear()
        app.push_screen(screen())
        await settle.settle(pilot)
        assert [widget.id for widget, *_ in arranged] == ["form"] * times
        placed = app.screen.query_one("#validate").region
        assert placed.height == 3 and placed.y > app.screen.query_one("#second").region.y


async def test_a_screen_resumed_again_is_restyled(styled: Callable[[str], int]) -> None:
    """Only the first resume, right after the mount, skips Textual's restyle."""
    app = Shows(Ours())
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        before = styled("title")
        app.screen.post_message(events.ScreenResume())
        await settle.settle(pilot)
        assert styled("title") == before + 1


class Terminal:
    """What a terminal shows of the frames the app writes (pyte, a terminal emulator)."""

    def __init__(self, size: tuple[int, int]) -> None:
        import pyte

        self.screen = pyte.Screen(*size)
        self.stream = pyte.Stream(self.screen)
        self.written = 0

    def feed(self, data: str) -> None:
        self.written += len(data.encode())
        self.stream.feed(data)

    def cells(self) -> list[list[tuple[str, str, str, bool, bool]]]:
        return [
            [
                (cell.data, cell.fg, cell.bg, cell.reverse, cell.bold)
                for cell in (
                    self.screen.buffer[row][column] for column in range(self.screen.columns)
                )
            ]
            for row in range(self.screen.lines)
        ]


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """The headless driver made to render (as ``benchmarks/terminal.py`` counts its bytes),
    its frames fed to a terminal emulator."""
    from benchmarks.terminal import rendering_driver

    shown = Terminal((80, 24))
    with rendering_driver(shown.feed):
        yield shown


@pytest.mark.parametrize(("screen", "whole"), [(Ours, False), (Textuals, True)])
async def test_a_focus_change_redraws_what_changed_not_the_screen(
    terminal: Terminal, screen: type[Screen[None]], whole: bool
) -> None:
    """Textual's screen redrew all of itself at each Tab (its ``focused`` reactive repaints):
    a whole frame to the terminal. Ours sends the fields that gain and lose the focus, and
    the terminal then shows what a whole frame would."""
    app = Shows(screen())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle.settle(pilot)
        update = app.screen._compositor.render_update(full=True)
        assert update is not None
        frame = len(update.render_segments(app.console).encode())
        # Once round the fields first, and the screen below refreshed as its timer would:
        # it pushes the region of its own first frame up to the top screen (a whole frame, once).
        await settle.press(pilot, "tab", "tab", "tab")
        app.screen_stack[-2]._on_timer_update()
        await settle.settle(pilot)
        sent = []
        for key in ("tab", "tab", "tab", "shift+tab"):
            before = terminal.written
            await settle.press(pilot, key)
            sent.append(terminal.written - before)
        assert all((bytes_ > frame * 0.9) is whole for bytes_ in sent), (sent, frame)
        assert app.screen.focused is app.screen.query_one("#validate")
        seen = terminal.cells()
        redrawn = Terminal((80, 24))
        whole_frame = app.screen._compositor.render_update(full=True)
        assert whole_frame is not None
        redrawn.feed(whole_frame.render_segments(app.console))
        assert seen == redrawn.cells()


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


class Places(App[None]):
    """Rules of each kind a place may or may not say: classes, ids, focus, order."""

    CSS = """
    Static.line { color: #ff0000; }
    Static.line.-on { color: #0000ff; text-style: bold; }
    #special { color: #00ff00; }
    Vertical.order > Label:first-child { background: #008000; }
    Button:focus { color: #ffff00; }
    Button:disabled { background: #800000; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.stylesheet = MatchedOnce(variables=self.get_css_variables())

    def compose(self) -> ComposeResult:
        with Vertical(id="lines"):
            yield Static("un", classes="line", id="one")
            yield Static("deux", classes="line", id="two")
            yield Static("trois", classes="line", id="special")
        with Vertical(classes="order"):
            yield Label("premier", id="first")
            yield Label("second", id="second")
        yield Button("Valider", id="validate")
        yield Button("Annuler", id="cancel")
        with Vertical(id="row"):
            yield Button("Envoyer", id="send")
        with RadioSet():
            yield RadioButton("Par SMS", id="sms", value=True)
            yield RadioButton("Par courriel", id="email")


def _colour(app: App[None], id_: str) -> str:
    return app.screen.query_one(f"#{id_}").styles.color.hex


def _background(app: App[None], id_: str) -> str:
    return app.screen.query_one(f"#{id_}").styles.background.hex


@pytest.fixture
def no_places_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MatchedOnce, "_matches", {})
    monkeypatch.setattr(MatchedOnce, "_seen", {})


@pytest.mark.usefixtures("no_places_yet")
async def test_nodes_at_one_place_share_a_match_and_get_its_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Textual's own matching runs only where no match is kept for the place.
    matched = calls_of(monkeypatch, Stylesheet, "apply")
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        matched_nodes = [node for _, node in matched]
        one, two = (app.screen.query_one(f"#{id_}") for id_ in ("one", "two"))
        assert one in matched_nodes
        assert two not in matched_nodes, "#two is where #one is: its match is shared"
        assert _colour(app, "one") == _colour(app, "two") == "#FF0000"
        # An id a selector names is part of the place: #special has its own match.
        assert _colour(app, "special") == "#00FF00"


@pytest.mark.usefixtures("no_places_yet")
async def test_a_class_changed_moves_the_node_to_another_place() -> None:
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        app.screen.query_one("#two").add_class("-on")
        await settle.settle(pilot)
        assert _colour(app, "two") == "#0000FF"
        assert _colour(app, "one") == "#FF0000"
        app.screen.query_one("#two").remove_class("-on")
        await settle.settle(pilot)
        assert _colour(app, "two") == "#FF0000"


@pytest.mark.usefixtures("no_places_yet")
async def test_a_restyle_sets_only_the_rules_that_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual sets every rule of a restyled node again; here only those whose value changes
    are set, and a rule the new match lacks is cleared."""
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        two = app.screen.query_one("#two")
        set_rules = calls_of(monkeypatch, Styles, "set_rule")
        cleared = calls_of(monkeypatch, Styles, "clear_rule")
        two.add_class("-on")
        await settle.settle(pilot)
        assert {rule for styles, rule, *_ in set_rules if styles is two.styles.base} == {
            "color",
            "text_style",
        }
        assert _colour(app, "two") == "#0000FF"
        assert two.styles.text_style.bold
        set_rules.clear()
        two.remove_class("-on")
        await settle.settle(pilot)
        assert {rule for styles, rule, *_ in set_rules if styles is two.styles.base} == {"color"}
        assert {rule for styles, rule in cleared if styles is two.styles.base} == {"text_style"}
        assert _colour(app, "two") == "#FF0000"
        assert not two.styles.text_style.bold


@pytest.mark.usefixtures("no_places_yet")
async def test_a_rule_of_order_is_matched_for_each_node() -> None:
    """``:first-child`` depends on the siblings: no place is kept for those nodes."""
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        assert _background(app, "first") == "#008000"
        assert _background(app, "second") != "#008000"


@pytest.mark.usefixtures("no_places_yet")
async def test_the_focus_is_part_of_the_place() -> None:
    app = Places()
    async with app.run_test() as pilot:
        app.screen.query_one("#validate", Button).focus()
        await settle.settle(pilot)
        assert _colour(app, "validate") == "#FFFF00"
        assert _colour(app, "cancel") != "#FFFF00"
        app.screen.query_one("#cancel", Button).focus()
        await settle.settle(pilot)
        assert _colour(app, "cancel") == "#FFFF00"
        assert _colour(app, "validate") != "#FFFF00"


@pytest.mark.usefixtures("no_places_yet")
async def test_new_rules_are_matched_anew() -> None:
    """A source added later (a screen's own CSS) changes the rules: no old match is used."""
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        assert _colour(app, "one") == "#FF0000"
        app.stylesheet.add_source("Static.line { color: #123456; }", read_from=("later", ""))
        app.stylesheet.parse()
        app.stylesheet.update(app.screen)
        await settle.settle(pilot)
        assert _colour(app, "one") == _colour(app, "two") == "#123456"


@pytest.mark.usefixtures("no_places_yet")
async def test_a_disabled_container_is_part_of_its_childrens_place() -> None:
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        assert _background(app, "send") != "#800000"
        app.screen.query_one("#row").disabled = True
        await settle.settle(pilot)
        assert _background(app, "send") == "#800000"
        assert _background(app, "validate") != "#800000"
        app.screen.query_one("#row").disabled = False
        await settle.settle(pilot)
        assert _background(app, "send") != "#800000"


@pytest.mark.usefixtures("no_places_yet")
async def test_a_node_restyled_into_its_own_rules_still_draws_its_ancestors_change() -> None:
    """A radio button keeps its rules when its set takes the focus, but its label's look
    (kept by the button, from its set's rules) changes: it must be told to look again."""
    app = Places()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        chosen = app.screen.query_one("#sms", RadioButton)
        for _ in range(2):  # the second time, each place's match is known
            assert not chosen.get_visual_style("toggle--label").bold
            app.screen.query_one(RadioSet).focus()
            await settle.settle(pilot)
            assert chosen.get_visual_style("toggle--label").bold
            app.screen.query_one("#validate", Button).focus()
            await settle.settle(pilot)


class WithBreakpoints(ShownAtCost, Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        self.classes_at_compose = set(self.classes)
        yield from _fields()


@pytest.mark.parametrize(
    ("size", "classes"), [((80, 24), {"-narrow", "-tall"}), ((120, 20), {"-wide", "-short"})]
)
async def test_breakpoint_classes_are_set_before_the_first_styling(
    styled: Callable[[str], int], size: tuple[int, int], classes: set[str]
) -> None:
    """Set at the first resize (Textual's way), a changed class restyled the whole screen."""
    screen = WithBreakpoints()
    app = Shows(screen)
    async with app.run_test(size=size) as pilot:
        await settle.settle(pilot)
        assert screen.classes_at_compose == classes
        assert set(screen.classes) & {"-narrow", "-wide", "-short", "-tall"} == classes
        assert styled("title") == 1


LOOKS: list[dict[str, Any]] = [
    {},
    {"variant": "primary"},
    {"variant": "error", "flat": True},
    {"compact": True},
    {"classes": "submit", "variant": "success"},
]


class Buttons(App[None]):
    AUTO_FOCUS = None  # a focused button is restyled for its :focus

    def __init__(self, kind: type[TextualButton]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        for number, look in enumerate(LOOKS):
            yield self.kind("Valider", id=f"b{number}", **look)


async def _mounted_classes(kind: type[TextualButton]) -> list[set[str]]:
    app = Buttons(kind)
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        return [set(app.query_one(f"#b{number}").classes) for number in range(len(LOOKS))]


async def test_our_buttons_have_textuals_classes_without_a_restyle_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    textuals = await _mounted_classes(TextualButton)
    restyled = calls_of(monkeypatch, DOMNode, "update_node_styles")
    ours = await _mounted_classes(Button)
    assert ours == textuals
    # Flat or compact ones restyle in Textual's watchers as before (none of ours is either).
    plain = {"b0", "b1", "b4"}
    assert [node for node, *_ in restyled if isinstance(node, Button) and node.id in plain] == []
