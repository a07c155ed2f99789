"""Former name of ``caf_tui.api.recovery_steps``, kept only so that branches written against it
still merge. Import ``RecoveryCodeStep`` and ``RecoveryPasswordStep`` from ``caf_tui.api``;
delete this module once nothing imports it."""

from caf_tui.api.recovery_steps import RecoveryCodeStep, RecoveryPasswordStep

__all__ = ["RecoveryCodeStep", "RecoveryPasswordStep"]
