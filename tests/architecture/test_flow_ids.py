"""Flows name what they fill, press, choose and tick by id only: an id of a step's description
(``caf_tui/steps``), or one the screens and the line mode both give a widget or a question.
A typo, or a French label, is found here rather than mid-replay."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

from caf_stub.benefits import BENEFITS
from caf_stub.franceconnect.identities import PROVIDERS
from caf_tui.api import Channel, Section
from caf_tui.plain.doors.signup import TEXT_FIELDS
from caf_tui.replay.flow import Choose, Fill, Flow, Press, Tick, load_flow
from caf_tui.steps import SPECS
from caf_tui.steps.sections import section_ids
from tests.architecture.flows import each_flow, flow_of

ROOT = Path(__file__).parents[2]
#: Where the front ends give their widgets and questions ids, and the demo FranceConnect its
#: form's fields.
SOURCES = ("caf_tui/screens", "caf_tui/widgets", "caf_tui/plain", "caf_stub/franceconnect")
#: Calls whose first argument is an id: the line mode's choices.
ID_FIRST = {"Choice"}
#: Calls whose ``name=`` is an id: the providers' form fields.
NAME_IS_ID = {"ProviderField"}
A_TYPO_AND_A_LABEL = flow_of(
    {"expect": "login"},
    {"fill": {"identifer": "x"}},
    {"press": "Se connecter"},
    {"tick": "temporary"},
    {"press": "login"},
)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def literal_ids(source: str) -> Iterator[str]:
    """The ids written as literals in a module: ``id="…"``, ``Choice("…", …)`` …"""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        wanted = {"id"} | ({"name"} if name in NAME_IS_ID else set())
        for keyword in node.keywords:
            if keyword.arg in wanted and isinstance(keyword.value, ast.Constant):
                yield str(keyword.value.value)
        first = node.args[0] if node.args else None
        if name in ID_FIRST and isinstance(first, ast.Constant):
            yield str(first.value)


@functools.cache
def known_ids() -> frozenset[str]:
    ids = {ident for spec in SPECS.values() for ident in spec.ids}
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*.py"):
            ids.update(literal_ids(path.read_text(encoding="utf-8")))
    # Made from data: the dashboard's sections, the channels, the form's fields, the providers.
    ids |= {f"section-{section.value}" for section in Section}
    ids |= {channel.value for channel in Channel}
    ids |= {name for name, _check in TEXT_FIELDS}
    ids |= {provider.id for provider in PROVIDERS}
    ids |= section_ids(BENEFITS)
    return frozenset(ids)


def named(flow: Flow) -> Iterator[str]:
    for step in flow.steps:
        match step:
            case Fill():
                yield from step.fill
            case Press(press=name) | Tick(tick=name) | Choose(choose=name):
                yield name


def unknown(flow: Flow) -> list[str]:
    known = known_ids()
    return [name for name in named(flow) if name not in known]


@each_flow
def test_every_id_a_flow_names_exists(path: Path) -> None:
    assert unknown(load_flow(path)) == []


def test_a_typo_or_a_label_is_found() -> None:
    assert unknown(A_TYPO_AND_A_LABEL) == ["identifer", "Se connecter"]
