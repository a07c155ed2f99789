"""One UI-free description per server step: what every front end renders (see ``spec``).

Adding a step: a ``StepSpec`` in one of these modules, listed in its ``SPECS``.
"""

from __future__ import annotations

from caf_tui.i18n import _
from caf_tui.steps import account, contact, login, migration, recovery
from caf_tui.steps.spec import StepSpec

SPECS: dict[str, StepSpec] = {
    spec.name: spec
    for module in (login, migration, contact, account, recovery)
    for spec in module.SPECS
}


def spec_for(name: str) -> StepSpec | None:
    """The description of the step ``name``; None for a step this version does not know."""
    return SPECS.get(name)


def resume_name(name: str) -> str:
    """The step a person will resume at, named as its screen is titled."""
    spec = SPECS.get(name)
    return _(spec.resume_name) if spec is not None else name


def has_session(name: str) -> bool:
    """Whether the step is taken logged in (a step this version does not know is)."""
    spec = SPECS.get(name)
    return spec.has_session if spec is not None else True
