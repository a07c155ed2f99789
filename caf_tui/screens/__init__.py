"""One module per portal screen, imported when its step comes (see ``registry``)."""

from caf_tui.screens.registry import STEP_MODULES, STEP_SCREENS, screen_for, step_screen

__all__ = ["STEP_MODULES", "STEP_SCREENS", "screen_for", "step_screen"]
