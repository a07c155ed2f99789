"""One module per portal screen. Importing this package registers every step's view."""

from caf_tui.screens import dashboard, login  # noqa: F401  (registration)
from caf_tui.screens.registry import STEP_SCREENS, screen_for, step_screen

__all__ = ["STEP_SCREENS", "screen_for", "step_screen"]
