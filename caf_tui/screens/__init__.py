"""One module per portal screen. Importing this package registers every step's view."""

from caf_tui.screens import (  # noqa: F401  (registration)
    account_created,
    choose_password,
    confirm_contact,
    dashboard,
    login,
    migration_intro,
    recovery_code,
    recovery_password,
    spouse_authorisation,
    terms,
    verify_code,
)
from caf_tui.screens.registry import STEP_SCREENS, screen_for, step_screen

__all__ = ["STEP_SCREENS", "screen_for", "step_screen"]
