"""What Textual looks up again and again, looked up once: who handles a message, how many
parameters a callback takes, and a widget's two background styles.

**Handlers.** For every message a node handles (an ``Idle`` after each burst of messages, a
``Mount``, a key, a button's ``Pressed`` bubbling up to the app), Textual walks the node's whole
class hierarchy (``MessagePump._get_dispatch_methods``): each class's ``@on`` handlers for each
class of the message, then its ``on_…``/``_on_…`` method. It was a twentieth of a replayed
journey. What that walk finds depends only on the classes, which do not change once made: it is
kept by the node's class, the message's class and the handler's name; the rest is done as
Textual does it at each message: whether the message was prevented (``prevent_default`` stops
the walk at the next class), the ``@on`` selectors matched against the message's widgets, a
method handed out once.

**Parameters.** Textual calls a callback with as many arguments as it takes, read with
``inspect.signature`` (``textual._callback``). It keeps the count on the callable, but
``call_later``, ``call_next`` and ``call_after_refresh`` wrap theirs in a new ``partial`` each
time, and a closure is a new function each time: some 800 signatures read per replayed journey.
The count is kept by what decides it: a plain function's code, a method's function's code, a
class, a callable object's class. Anything else (``__wrapped__``, ``__signature__``, a builtin)
is read as Textual reads it.

**Backgrounds.** ``StylesCache.get_inner_outer`` (the two background styles of a widget's lines)
is an ``lru_cache`` on an instance method: its 1024 entries hold the ``StylesCache`` of widgets
long gone, and each its rendered lines (textual#6665, open) — memory a counter that runs all day
never got back — and it missed once per widget for the same two colours. It is kept by the two
colours alone.

**Classes.** When a widget or screen class is made, Textual gathers its reactives and its
``compute_`` methods from every class of its hierarchy (``DOMNode.__init_subclass__``): each
attribute of each base tested with ``isinstance``, ``dir`` of the whole class. 1.6 M
instructions per class, and the login's first frame makes some 35 of them (ours, and Textual's
widgets it imports on the way). What a base has of its own is read once, then joined in
Textual's order; the class being made is always read anew. Installed before our first class
is made (``install_class_bookkeeping``, from ``caf_tui.textual_words``).

A class's methods replaced after it first handled a message (a test's monkeypatch) would not
be seen: nothing here does that, and ``forget`` is there for whatever would.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterator
from functools import lru_cache, partial
from types import FunctionType, MethodType
from typing import Any, cast

import textual._callback
from textual._on import OnNoWidget
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.css.match import match
from textual.css.model import SelectorSet
from textual.dom import DOMNode
from textual.message import Message
from textual.message_pump import MessagePump
from textual.reactive import Reactive
from textual.style import Style

#: An ``@on`` handler and the selectors its message's widgets must match.
_Decorated = tuple[Callable[..., Any], dict[str, tuple[SelectorSet, ...]]]
#: A class's ``@on`` handlers for a message, in Textual's order, and its named handler.
_ClassPlan = tuple[type, tuple[_Decorated, ...], Any]
_PLANS: dict[tuple[type, type, str], tuple[_ClassPlan, ...]] = {}
#: Textual's own walk, count and backgrounds, which these give the same answers as.
TEXTUALS_OWN = MessagePump._get_dispatch_methods
TEXTUALS_COUNT = textual._callback._count_parameters
TEXTUALS_INNER_OUTER = StylesCache.get_inner_outer
TEXTUALS_SUBCLASS_HOOK = DOMNode.__dict__["__init_subclass__"]
_COUNTS: dict[tuple[object, str], int] = {}


def _plan(node_type: type, message_type: type, method_name: str) -> tuple[_ClassPlan, ...]:
    message_mro = [kind for kind in message_type.__mro__ if issubclass(kind, Message)]
    plan: list[_ClassPlan] = []
    for cls in node_type.__mro__:
        decorated_handlers = cast(
            "dict[type[Message], list[_Decorated]] | None", cls.__dict__.get("_decorated_handlers")
        )
        decorated = (
            tuple(
                handler
                for message_class in message_mro
                for handler in decorated_handlers.get(message_class, [])
            )
            if decorated_handlers
            else ()
        )
        named = cls.__dict__.get(f"_{method_name}") or cls.__dict__.get(method_name)
        if named is not None and getattr(named, "_textual_on", None):
            named = None
        if decorated or named is not None:
            plan.append((cls, decorated, named))
    return tuple(plan)


def _get_dispatch_methods(
    self: MessagePump, method_name: str, message: Message
) -> Iterator[tuple[type, Callable[[Message], Awaitable[Any]]]]:
    """``MessagePump._get_dispatch_methods`` from a kept plan: the same methods, in the same
    order, under the same conditions."""
    from textual.widget import Widget

    key = (type(self), type(message), method_name)
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = _plan(*key)
    methods_dispatched: set[Callable[..., Any]] = set()
    for cls, decorated, named in plan:
        if message._no_default_action:
            break
        for method, selectors in decorated:
            if method in methods_dispatched:
                continue
            if not selectors:
                yield cls, method.__get__(self, cls)
                methods_dispatched.add(method)
            else:
                if not message._sender:
                    continue
                for attribute, selector in selectors.items():
                    node = getattr(message, attribute)
                    if node is None:
                        break
                    if not isinstance(node, Widget):
                        raise OnNoWidget(
                            f"on decorator can't match against {attribute!r} as it is not a widget."
                        )
                    if not match(selector, node):
                        break
                else:
                    yield cls, method.__get__(self, cls)
                    methods_dispatched.add(method)
        if named is not None:
            yield cls, named.__get__(self, cls)


#: What makes ``inspect.signature`` read something else than the code or the class.
_SIGNATURE_OVERRIDES = ("__wrapped__", "__signature__", "_partialmethod")


def _count_key(func: object) -> tuple[object, str] | None:
    """What alone decides ``func``'s parameters, if anything does."""
    if any(hasattr(func, name) for name in _SIGNATURE_OVERRIDES):
        return None
    if isinstance(func, MethodType):
        function = func.__func__
        return (function.__code__, "method") if isinstance(function, FunctionType) else None
    if isinstance(func, FunctionType):
        return (func.__code__, "function")
    if isinstance(func, type):
        return (func, "class")
    if isinstance(func, partial):
        return None  # its own arguments count too
    if isinstance(inspect.getattr_static(type(func), "__call__", None), FunctionType):
        return (type(func), "object")  # an instance of a class written in Python
    return None  # a builtin, whose signature is its own


def _count_parameters(func: Callable[..., Any]) -> int:
    """``len(inspect.signature(func).parameters)``, read once per kind of callable."""
    key = _count_key(func)
    if key is None:
        return len(inspect.signature(func).parameters)
    count = _COUNTS.get(key)
    if count is None:
        count = _COUNTS[key] = len(inspect.signature(func).parameters)
    return count


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    return (Style(background=base_background + background), Style(background=base_background))


def _get_inner_outer(
    _styles_cache: StylesCache, base_background: Color, background: Color
) -> tuple[Style, Style]:
    """``StylesCache.get_inner_outer``, kept by the colours, not by the widget's cache."""
    return _inner_outer(base_background, background)


_COMPUTE_PREFIXES = ("_compute_", "compute_")
_Own = tuple[dict[str, Reactive[Any]], tuple[str, ...]]
#: Each base's own reactives and ``compute_`` names, read once it is a base.
_BASES_OWN: dict[type, _Own] = {}


def _own(cls: type) -> _Own:
    """What ``cls`` itself (not its bases) has: its reactives and its ``compute_`` names."""
    names = cls.__dict__
    reactives = {name: value for name, value in names.items() if isinstance(value, Reactive)}
    return reactives, tuple(name for name in names if name.startswith(_COMPUTE_PREFIXES))


def _base_own(base: type) -> _Own:
    found = _BASES_OWN.get(base)
    if found is None:
        found = _BASES_OWN[base] = _own(base)
    return found


def _init_subclass(
    cls: type[DOMNode],
    inherit_css: bool = True,
    inherit_bindings: bool = True,
    inherit_component_classes: bool = True,
) -> None:
    """``DOMNode.__init_subclass__`` of Textual 8.2, each base's own part read once."""
    super(DOMNode, cls).__init_subclass__()
    reactives: dict[str, Reactive[Any]] = {}
    computes: set[str] = set()
    for base in reversed(cls.__mro__[1:]):
        base_reactives, base_computes = _base_own(base)
        reactives.update(base_reactives)
        computes.update(base_computes)
    own_reactives, own_computes = _own(cls)  # the class being made: read anew
    reactives.update(own_reactives)
    computes.update(own_computes)
    cls._reactives = reactives
    cls._inherit_css = inherit_css
    cls._inherit_bindings = inherit_bindings
    cls._inherit_component_classes = inherit_component_classes
    bases = cls._css_bases(cls)
    cls._css_type_name = bases[0].__name__
    cls._merged_bindings = cls._merge_bindings()
    cls._css_type_names = frozenset(base.__name__ for base in bases)
    # ``dir(cls)`` is the names of every class of the hierarchy: those gathered above.
    cls._computes = frozenset(name.lstrip("_")[8:] for name in computes)


def install_class_bookkeeping() -> None:
    """Every node class made from now on gathers its reactives and computes from what its
    bases have of their own, read once (idempotent)."""
    DOMNode.__init_subclass__ = classmethod(_init_subclass)  # type: ignore[assignment,method-assign]


def install() -> None:
    """Every node's messages dispatched from kept plans, every callback's parameters counted
    once, the background styles kept by colour (idempotent)."""
    MessagePump._get_dispatch_methods = _get_dispatch_methods  # type: ignore[method-assign]
    textual._callback._count_parameters = _count_parameters
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]


def forget() -> None:
    """Drop what was kept (after a class's handlers were replaced)."""
    _PLANS.clear()
    _COUNTS.clear()
