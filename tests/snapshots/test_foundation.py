"""Snapshots of the login screen and the dashboard, at 80x24 and 120x40; the app answers from
Paul's visit to the stub, in memory."""

from __future__ import annotations

from caf_tui.api import StepName
from tests.snapshots.scenes import at_sizes, painted, wrong_password

test_login_screen = at_sizes(painted, "The login form as it first paints: NIR field focused.")
test_login_error = at_sizes(
    wrong_password,
    "A wrong password: the message beside the form, the NIR kept, the password emptied.",
)
test_dashboard = at_sizes(
    painted,
    "Paul LEROY's dashboard: his name, numéro allocataire, sections and payments.",
    start=StepName.DASHBOARD,
)
