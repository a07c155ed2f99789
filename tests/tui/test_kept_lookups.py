"""What Textual looks up at every message, kept (``caf_tui.kept_lookups``): for every node of a
live screen and every kind of message, the same handlers in the same order as Textual's own
walk, a prevented message stopped at the same place, the walk done once per kind; each kind of
callback's parameters counted as Textual counts them, read once."""

from __future__ import annotations

import functools
import gc
import importlib
import inspect
import pkgutil
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual import events, on
from textual._styles_cache import StylesCache
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.message_pump import MessagePump
from textual.reactive import reactive
from textual.widgets import Button, Input, Static

from caf_tui import kept_lookups
from caf_tui.replay import settle
from caf_tui.textual_words import AppInOurWords
from caf_tui.widgets.button import Button as OurButton


class Base(Static):
    def on_click(self, event: events.Click) -> None: ...

    @on(events.Click)
    def clicked_too(self, event: events.Click) -> None: ...


class Derived(Base):
    def _on_click(self, event: events.Click) -> None: ...

    @on(Button.Pressed, "#only")
    def only_pressed(self, event: Button.Pressed) -> None: ...

    @on(Button.Pressed)
    def any_pressed(self, event: Button.Pressed) -> None: ...

    @on(events.MouseEvent)
    def any_mouse_event(self, event: events.MouseEvent) -> None: ...

    @on(events.Click)
    def clicked_here(self, event: events.Click) -> None: ...


class Handlers(AppInOurWords[None]):
    def compose(self) -> ComposeResult:
        with Vertical():
            yield Derived("dérivé")
            yield Base("base")
            yield Button("Seul", id="only")
            yield OurButton("Autre", id="other")
            yield Input(id="field")

    @on(Button.Pressed, "#only")
    def only(self, event: Button.Pressed) -> None: ...

    def on_button_pressed(self, event: Button.Pressed) -> None: ...


def _messages(app: Handlers) -> Iterator[Message]:
    only, other = app.query_one("#only", Button), app.query_one("#other", Button)
    field = app.query_one("#field", Input)
    yield events.Idle()
    yield events.Mount()
    yield events.Key("enter", "\r")
    yield events.Click(None, 0, 0, 0, 0, 1, False, False, False)
    yield Button.Pressed(only).set_sender(only)
    yield Button.Pressed(other).set_sender(other)
    yield Input.Changed(field, "x").set_sender(field)


def _walk(
    walk: Callable[..., Iterator[tuple[type, Any]]],
    node: MessagePump,
    message: Message,
    prevent_after: int | None,
) -> list[tuple[type, Any]]:
    message._no_default_action = False
    found = []
    for number, (cls, method) in enumerate(walk(node, message.handler_name, message)):
        found.append((cls, method.__func__))
        if number == prevent_after:
            message.prevent_default()
    message._no_default_action = False
    return found


@pytest.mark.parametrize("prevent_after", [None, 0, 1])
async def test_the_same_handlers_as_textuals_walk(prevent_after: int | None) -> None:
    app = Handlers()
    async with app.run_test() as pilot:
        await settle.settle(pilot)
        nodes = [app, app.screen, *app.screen.walk_children()]
        compared = handled = 0
        for message in _messages(app):
            for node in nodes:
                theirs = _walk(kept_lookups.TEXTUALS_OWN, node, message, prevent_after)
                ours = _walk(kept_lookups._get_dispatch_methods, node, message, prevent_after)
                assert ours == theirs, (type(node).__name__, type(message).__name__)
                compared += 1
                handled += bool(theirs)
        assert compared == 7 * len(nodes)
        assert handled > len(nodes), "most nodes handle some of these messages"


async def test_the_walk_is_installed_and_done_once_per_kind() -> None:
    kept_lookups.forget()
    app = Handlers()
    async with app.run_test() as pilot:
        assert MessagePump._get_dispatch_methods is kept_lookups._get_dispatch_methods
        await settle.settle(pilot)
        kinds = set(kept_lookups._PLANS)
        assert (Derived, events.Idle, "on_idle") in kinds
        await pilot.press("tab", "tab")
        await settle.settle(pilot)
        # More messages of the kinds already seen: no plan made again, none dropped.
        assert kinds <= set(kept_lookups._PLANS)
        plan = kept_lookups._PLANS[(Derived, events.Idle, "on_idle")]
        assert all(cls in Derived.__mro__ for cls, _decorated, _named in plan)


class Callable_:
    def __call__(self, first: int, second: int = 2) -> None: ...


class Signed:
    """A callable object that says its own signature."""

    __signature__ = inspect.Signature([inspect.Parameter("only", inspect.Parameter.KEYWORD_ONLY)])

    def __call__(self, *args: object) -> None: ...


def _closure() -> Callable[..., None]:
    def inner(one: int, two: int, *rest: int) -> None: ...

    return inner


def _plain(a: int, /, b: int, *args: int, c: int, **kwargs: int) -> None: ...


@functools.wraps(_plain)
def _wrapper(*args: int, **kwargs: int) -> None: ...


class _WithPartialMethod:
    def method(self, a: int, b: int) -> None: ...

    first_given = functools.partialmethod(method, 1)


def _callables() -> list[object]:
    return [
        _plain,
        _wrapper,
        _closure(),
        _closure(),
        lambda: None,
        lambda x, y=1: None,
        Callable_(),
        Signed(),
        Callable_,
        Derived("x").on_click,
        Derived.on_click,
        _WithPartialMethod().first_given,
        _WithPartialMethod().method,
        functools.partial(_plain, 1),
        print,
        len,
        [].append,
        dict.fromkeys,
    ]


def test_a_callbacks_parameters_are_counted_as_textual_counts_them() -> None:
    for func in _callables():
        for _ in range(2):  # read, then kept
            assert kept_lookups._count_parameters(func) == dispatch_count(func), func


def dispatch_count(func: object) -> int:
    return int(kept_lookups.TEXTUALS_COUNT(func))  # type: ignore[arg-type]


def test_a_closure_made_again_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    kept_lookups.forget()
    read: list[object] = []
    signature = inspect.signature

    def noted(func: Any, **kwargs: Any) -> inspect.Signature:
        read.append(func)
        return signature(func, **kwargs)

    monkeypatch.setattr(inspect, "signature", noted)
    closures = [_closure() for _ in range(5)]
    assert len({id(closure) for closure in closures}) == 5
    assert [kept_lookups._count_parameters(closure) for closure in closures] == [3] * 5
    bound = [Derived("x").on_click for _ in range(3)]
    assert [kept_lookups._count_parameters(method) for method in bound] == [1] * 3
    assert len(read) == 2, "once for the closures' code, once for the method's"
    assert kept_lookups._count_parameters(_wrapper) == 5
    assert kept_lookups._count_parameters(_wrapper) == 5
    assert len(read) == 4, "a wrapper is read each time, as Textual reads it"


class Cards(AppInOurWords[None]):
    """A list rebuilt as a counter's screens are: the old widgets go."""

    def compose(self) -> ComposeResult:
        yield Vertical(id="cards")

    async def rebuild(self) -> None:
        cards = self.query_one("#cards")
        await cards.remove_children()
        await cards.mount(*(Static(f"carte {number}") for number in range(40)))


async def test_a_removed_widgets_rendered_lines_are_freed() -> None:
    """textual#6665: Textual's lru_cache on ``StylesCache.get_inner_outer`` kept each drawn
    widget's styles cache, and its rendered lines, alive after the widget was gone."""
    app = Cards()
    async with app.run_test(size=(60, 50)) as pilot:
        await app.rebuild()
        await settle.settle(pilot)
        app.screen._compositor.render_update(full=True)  # every card drawn
        gone = [weakref.ref(card._styles_cache) for card in app.query(Static)]
        assert len(gone) == 40
        await app.rebuild()
        await settle.settle(pilot)
        app.screen._compositor.render_update(full=True)
        gc.collect()
        assert [ref for ref in gone if ref() is not None] == []
        assert StylesCache.get_inner_outer is kept_lookups._get_inner_outer


def test_the_backgrounds_are_textuals() -> None:
    base, background = Color.parse("#102030"), Color.parse("#ffffff").with_alpha(0.25)
    textuals = kept_lookups.TEXTUALS_INNER_OUTER(StylesCache(), base, background)
    assert kept_lookups._get_inner_outer(StylesCache(), base, background) == textuals


# --- classes ---------------------------------------------------------------------------------


def _node_classes() -> list[type[DOMNode]]:
    found: dict[type[DOMNode], None] = {}
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found[sub] = None
                todo.append(sub)
    return list(found)


def _gathered(cls: type[DOMNode]) -> tuple[object, ...]:
    return (
        list(cls._reactives.items()),
        cls._computes,
        cls._css_type_name,
        cls._css_type_names,
        cls._inherit_css,
        cls._inherit_bindings,
        cls._inherit_component_classes,
    )


def test_every_node_class_gathers_what_textual_gathers() -> None:
    """Every widget, screen and app class of the process (each step's screen, the kiosk's,
    Textual's own), then Textual's own bookkeeping done again on it: the same reactives in the
    same order, the same computes and CSS names."""
    import caf_tui.kiosk
    import caf_tui.screens
    import caf_tui.widgets

    for package in (caf_tui.screens, caf_tui.widgets, caf_tui.kiosk):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    hook = kept_lookups.TEXTUALS_SUBCLASS_HOOK.__func__
    classes = _node_classes()
    assert len(classes) > 100
    made_by_ours = 0
    for cls in classes:
        ours = _gathered(cls)
        hook(
            cls,
            inherit_css=cls._inherit_css,
            inherit_bindings=cls._inherit_bindings,
            inherit_component_classes=cls._inherit_component_classes,
        )
        assert _gathered(cls) == ours, cls
        made_by_ours += cls.__module__.startswith(("caf_tui", "tests"))
    assert made_by_ours > 60


def test_a_class_made_after_the_install_is_gathered_from_its_bases() -> None:
    class _Counting(Static):
        count = reactive(0)
        double = reactive(0)

        def compute_double(self) -> int:
            return self.count * 2

    class _Mixin:
        label = reactive("")

        def _compute_label(self) -> str:
            return "mixed"

    class _Mixed(_Mixin, _Counting, inherit_css=False, inherit_bindings=False):
        count = reactive(1)  # its own wins over its base's

    assert DOMNode.__dict__["__init_subclass__"].__func__ is kept_lookups._init_subclass
    assert Static in kept_lookups._BASES_OWN  # a base read once, then kept
    assert _Counting._computes == frozenset({"double"})
    assert _Mixed._computes == frozenset({"double", "label"})
    assert list(_Mixed._reactives) == [*Static._reactives, "count", "double", "label"]
    assert _Mixed._reactives["count"] is _Mixed.__dict__["count"]
    assert (_Mixed._inherit_css, _Mixed._inherit_bindings) == (False, False)
