"""Snapshots of the login screen and the dashboard, at 80x24 and 120x40; the app answers from
Paul's visit to the stub, in memory."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.snapshots.conftest import PAUL, at_sizes, on_dashboard, painted, wrong_password


async def paul_on_dashboard(pilot: Pilot[None]) -> None:
    await on_dashboard(pilot, PAUL)


test_login_screen = at_sizes(painted, "The login form as it first paints: NIR field focused.")
test_login_error = at_sizes(
    wrong_password,
    "A wrong password: the message beside the form, the NIR kept, the password emptied.",
)
test_dashboard = at_sizes(
    paul_on_dashboard,
    "Paul LEROY's dashboard: his name, numéro allocataire, sections and payments.",
)
