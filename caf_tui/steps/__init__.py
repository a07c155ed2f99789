"""One UI-free description per server step: what every front end renders (see ``spec``).

Adding a step: a ``StepSpec`` in one of these modules, listed in its ``SPECS``, and its name in
``STEPS_BY_MODULE``. A step's module is imported when the step is first looked up: importing them
all put the later steps' descriptions before the login's first frame.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from caf_tui.api.names import StepName
from caf_tui.i18n import _

if TYPE_CHECKING:
    from caf_tui.steps.spec import StepSpec

#: The modules of ``caf_tui.steps``, each with the steps its ``SPECS`` describe.
STEPS_BY_MODULE: dict[str, tuple[str, ...]] = {
    "login": (StepName.LOGIN,),
    "migration": (StepName.MIGRATION_INTRO, StepName.ACCEPT_TERMS, StepName.CHOOSE_PASSWORD),
    "contact": (StepName.CONFIRM_CONTACT, StepName.VERIFY_CODE),
    "account": (StepName.ACCOUNT_CREATED, StepName.SPOUSE_AUTHORISATION, StepName.DASHBOARD),
    "recovery": (StepName.RECOVERY_CODE, StepName.RECOVERY_PASSWORD),
}
#: The module whose ``SPECS`` describe each step.
SPEC_MODULES: dict[str, str] = {
    step: module for module, steps in STEPS_BY_MODULE.items() for step in steps
}

_loaded: dict[str, StepSpec] = {}


def _specs_of(module: ModuleType) -> None:
    for spec in module.SPECS:
        _loaded[spec.name] = spec


def spec_for(name: str) -> StepSpec | None:
    """The description of the step ``name``; None for a step this version does not know."""
    if name not in _loaded and name in SPEC_MODULES:
        _specs_of(import_module(f"caf_tui.steps.{SPEC_MODULES[name]}"))
    return _loaded.get(name)


def all_specs() -> dict[str, StepSpec]:
    """Every step's description, by step name (each module imported)."""
    for name in SPEC_MODULES:
        spec_for(name)
    return dict(_loaded)


def __getattr__(name: str) -> dict[str, StepSpec]:
    # ``SPECS``, the whole registry, as it was before the modules were imported on demand.
    if name == "SPECS":
        return all_specs()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resume_name(name: str) -> str:
    """The step a person will resume at, named as its screen is titled."""
    spec = spec_for(name)
    return _(spec.resume_name) if spec is not None else name


def has_session(name: str) -> bool:
    """Whether the step is taken logged in (a step this version does not know is)."""
    spec = spec_for(name)
    return spec.has_session if spec is not None else True
