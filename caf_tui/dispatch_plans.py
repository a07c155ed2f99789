"""Which methods handle a message, looked up once per kind of node and message.

For every message a node handles (an ``Idle`` after each burst of messages, a ``Mount``, a key,
a button's ``Pressed`` bubbling up to the app), Textual walks the node's whole class hierarchy
(``MessagePump._get_dispatch_methods``): each class's ``@on`` handlers for each class of the
message, then its ``on_…``/``_on_…`` method. It was a twentieth of a replayed journey. What that
walk finds depends only on the classes, which do not change once made: ``install`` keeps it, by
the node's class, the message's class and the handler's name, and leaves the rest as Textual
does it at each message: whether a handler was prevented (``prevent_default`` stops the walk
at the next class), the ``@on`` selectors matched against the message's widgets, a method
handed out once.

A class's methods replaced after it first handled a message (a test's monkeypatch) would not be
seen: nothing here does that, and ``forget`` is there for whatever would.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any, cast

from textual._on import OnNoWidget
from textual.css.match import match
from textual.css.model import SelectorSet
from textual.message import Message
from textual.message_pump import MessagePump

#: An ``@on`` handler and the selectors its message's widgets must match.
_Decorated = tuple[Callable[..., Any], dict[str, tuple[SelectorSet, ...]]]
#: A class's ``@on`` handlers for a message, in Textual's order, and its named handler.
_ClassPlan = tuple[type, tuple[_Decorated, ...], Any]
_PLANS: dict[tuple[type, type, str], tuple[_ClassPlan, ...]] = {}
#: Textual's own walk, which this gives the same answers as.
TEXTUALS_OWN = MessagePump._get_dispatch_methods


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


def install() -> None:
    """Every node's messages dispatched from kept plans (idempotent)."""
    MessagePump._get_dispatch_methods = _get_dispatch_methods  # type: ignore[method-assign]


def forget() -> None:
    """Drop the plans (after a class's handlers were replaced)."""
    _PLANS.clear()
