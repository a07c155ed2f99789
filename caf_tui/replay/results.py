"""What a replay found: per flow, per step, pass or fail and how long it took."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Status = Literal["passed", "failed", "skipped"]
FailureKind = Literal["failure", "error"]


class StepResult(BaseModel):
    number: int
    label: str
    status: Status
    seconds: float = 0.0
    message: str | None = None
    screenshot: str | None = Field(default=None, description="SVG file, relative to the report.")


class Failure(BaseModel):
    step: int | None = Field(description="Number of the failed step (None: before any step).")
    message: str
    screen: str = Field(default="", description="What the screen said when it failed.")
    screenshot: str | None = None
    requests: list[dict[str, Any]] = Field(
        default_factory=list, description="The last requests (stub journal, secrets redacted)."
    )
    kind: FailureKind | None = Field(
        default=None,
        description="failure: the app did not do what the flow expects; error: the replay itself "
        "broke (unreadable script, no server…). None: an error when no step was reached.",
    )

    @property
    def is_error(self) -> bool:
        return self.kind == "error" or (self.kind is None and self.step is None)


class FlowResult(BaseModel):
    name: str
    file: str
    mode: Literal["tui", "plain"] = "tui"
    status: Status
    seconds: float
    steps: list[StepResult] = Field(default_factory=list)
    failure: Failure | None = None

    @property
    def passed(self) -> bool:
        return self.status == "passed"
