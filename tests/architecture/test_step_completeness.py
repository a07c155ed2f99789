"""Every server step is described once and rendered by both front ends; every flow names only
what the step's description has."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from caf_tui.api import StepName
from caf_tui.plain.steps import STEP_HANDLERS, handler_for
from caf_tui.plain.steps.account import other_step
from caf_tui.replay.flow import Choose, Expect, Fill, Flow, Press, Tick, load_flow
from caf_tui.screens.registry import STEP_MODULES, screen_class
from caf_tui.screens.unavailable import UnavailableStepScreen
from caf_tui.steps import SPECS, spec_for
from caf_tui.steps.spec import ActionRole, Special, StepSpec
from tests.architecture.flows import each_flow, flow_of

#: Actions that leave the step for a door or a section, which have no step description yet:
#: what the flow does there, until its next ``expect``, is not the step's.
LEAVES = {"forgot", "create-account", "franceconnect"}


@pytest.mark.parametrize("name", list(StepName))
def test_every_step_has_a_description(name: StepName) -> None:
    spec = spec_for(name)
    assert spec is not None, f"{name}: no StepSpec in caf_tui/steps"
    assert spec.name == name
    assert spec.title and spec.help and spec.note and spec.resume_name


@pytest.mark.parametrize("name", list(StepName))
def test_every_step_has_a_textual_rendering(name: StepName) -> None:
    assert screen_class(name) is not UnavailableStepScreen, f"{name}: no screen"


@pytest.mark.parametrize("name", list(StepName))
def test_every_step_has_a_line_mode_rendering(name: StepName) -> None:
    assert handler_for(SimpleNamespace(step=name)) is not other_step, f"{name}: no handler"  # type: ignore[arg-type]


@pytest.mark.parametrize("spec", list(SPECS.values()), ids=list(SPECS))
def test_a_special_step_has_its_own_rendering_in_both_front_ends(spec: StepSpec) -> None:
    """A step the generic renderings cannot show whole has a screen and a handler of its own;
    one they can has neither (nothing to keep in step by hand)."""
    if spec.generic:
        assert spec.name not in STEP_MODULES and spec.name not in STEP_HANDLERS
    else:
        assert spec.name in STEP_MODULES and spec.name in STEP_HANDLERS


@pytest.mark.parametrize("spec", list(SPECS.values()), ids=list(SPECS))
def test_ids_are_unique_within_a_step(spec: StepSpec) -> None:
    names = [f.id for f in spec.fields] + [a.id for a in spec.actions]
    assert len(names) == len(set(names))
    assert sum(a.role is ActionRole.PRIMARY for a in spec.actions) <= 1


def named_id(spec: StepSpec, name: str) -> str | None:
    """The id a flow's name stands for on this step: an id of the step, never its words."""
    return name if name in spec.ids else None


def sends(spec: StepSpec, ident: str) -> bool:
    action = next((action for action in spec.actions if action.id == ident), None)
    return action is not None and action.role in (ActionRole.PRIMARY, ActionRole.ALWAYS)


def unknown_names(flow: Flow) -> list[str]:
    """The names a flow gives that the description of the step it is at does not have."""
    spec: StepSpec | None = None
    unknown: list[str] = []
    for step in flow.steps:
        match step:
            case Expect():
                spec = spec_for(step.expect.value)
            case Press(press=name) | Tick(tick=name) | Choose(choose=name) if spec is not None:
                if name.startswith("section-") and Special.SECTIONS in spec.specials:
                    spec = None
                    continue
                ident = named_id(spec, name)
                if ident is None:
                    unknown.append(f"{spec.name}: {name}")
                elif ident in LEAVES or sends(spec, ident):
                    spec = None  # where it goes, only the next ``expect`` says
            case Fill() if spec is not None:
                unknown += [f"{spec.name}: {name}" for name in step.fill if name not in spec.ids]
    return unknown


@each_flow
def test_every_flow_action_names_something_its_step_has(path: Path) -> None:
    assert unknown_names(load_flow(path)) == []


def test_a_name_no_description_has_is_found() -> None:
    flow = flow_of(
        {"expect": "migration_intro"},
        {"press": "begin"},
        {"press": "Commencer"},  # the button's words, not its id
        {"expect": "spouse_authorisation"},
        {"choose": "authorise"},
        {"fill": {"decisionn": "x"}},
    )
    assert unknown_names(flow) == [
        "migration_intro: begin",
        "migration_intro: Commencer",
        "spouse_authorisation: decisionn",
    ]
