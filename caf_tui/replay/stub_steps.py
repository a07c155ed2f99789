"""The steps both front ends perform alike, on the stub rather than on a screen: read the
code it sent, move its clock, inject a fault. Blocking calls: the TUI driver runs them in a
thread, the line-mode driver is in one already."""

from __future__ import annotations

from caf_tui.replay.control import StubControl
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import AdvanceClock, Fault, ReadCode, _Step
from caf_tui.replay.variables import Variables

STUB_STEPS = (ReadCode, AdvanceClock, Fault)


def perform_on_stub(step: _Step, control: StubControl | None, variables: Variables) -> None:
    """``step``, one of ``STUB_STEPS``, through the stub's ``/_stub`` API."""
    if control is None:
        raise StepFailed(f"« {step.label()} » demande l'API de contrôle /_stub du bouchon")
    match step:
        case ReadCode():
            variables.set(step.into, control.next_code(step.read_code, step.timeout))
        case AdvanceClock():
            control.advance_clock(step.advance_clock)
        case Fault():
            control.add_fault(step.fault.model_dump(mode="json", exclude_none=True))
        case _:
            raise StepFailed(f"étape non prise en charge : {step.label()}")
