"""What the runner asks of a front end's driver: perform a step, say what is shown."""

from __future__ import annotations

from typing import Protocol

from caf_tui.replay.flow import _Step
from caf_tui.replay.observed import ObservedBackend


class Driver(Protocol):
    @property
    def backend(self) -> ObservedBackend:
        """The client the front end talks through, with the requests it sent."""
        ...

    async def run(self, step: _Step) -> str | None:
        """Perform ``step`` (raises ``StepFailed``); the file name of a screenshot it took."""
        ...

    def text(self) -> str:
        """What the front end shows now, for the report of a failure."""
        ...

    async def failure_picture(self) -> str | None:
        """A picture of the failure (file name), where the front end has one."""
        ...
