"""What a driver raises when a step of a flow did not go as written (no front end needed)."""

from __future__ import annotations


class StepFailed(Exception):
    """A step of the flow did not go as written. The message says what was seen instead."""
