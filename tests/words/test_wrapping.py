"""Words that must not break (issue 20, point 3): every screen of the personas' journeys (the
flow library's scripts, replayed by its driver) painted at 60, 80 and 100 columns. No wrapped
row may start with « : ; ! ? » » or « € », and no number, amount or phone number may be cut in
two.

One app run per flow: at each new screen the terminal is resized to each width, read, and put
back, so that the flow goes on as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caf_stub import RunningStub
from caf_tui.app import CafApp
from caf_tui.replay.control import StubControl
from caf_tui.replay.flow import Screenshot, load_flow
from caf_tui.replay.screen import screen_text
from caf_tui.replay.tui import SIZE, TuiDriver, make_app
from caf_tui.replay.variables import Variables
from tests.words.rows import screen_breaks

FLOW_DIR = Path(__file__).parents[2] / "flows"
#: A journey per persona and door, and the error paths whose messages are the longest.
#: Paul's dashboard (a few seconds: the amounts of the issue) stays in the quick subset.
FLOWS = [
    pytest.param(FLOW_DIR / f"{name}.yaml", id=name, marks=() if quick else pytest.mark.slow)
    for name, quick in (
        ("paul-dashboard", True),
        ("karim-sms", False),  # SMS code, the spouse's authorisation, the dashboard
        ("claire-email", False),  # e-mail code
        ("paul-change-contact", False),  # « Gérer Mon Compte », a code sent to a new number
        ("paul-forgot-password", False),
        ("lucas-create-account", False),
        ("angela-franceconnect", False),
        ("password-policy", False),
        ("wrong-code", False),
    )
]
#: The terminals of the issue: a small one (its scroll bar narrows the text), two usual ones.
SIZES = ((60, 20), (80, 24), (100, 32))


def words_shown(app: CafApp) -> str:
    """The screen's words, leaving out what is typed in the fields: a key typed wraps nothing."""
    lines = screen_text(app).splitlines()
    return "\n".join(line for line in lines if not (line.startswith("<") and line.endswith(">")))


@pytest.mark.parametrize("path", FLOWS)
async def test_no_row_breaks_what_french_keeps_together(
    path: Path, stub: RunningStub, tmp_path: Path
) -> None:
    flow = load_flow(path)
    app, backend = make_app(stub.url)
    control = StubControl(stub.url)
    found: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            driver = TuiDriver(pilot, backend, Variables(flow.variables), control, tmp_path)
            await driver.settle()
            for step in [None, *flow.steps]:
                if isinstance(step, Screenshot):
                    continue
                if step is not None:
                    await driver.run(step)
                painted = (type(app.screen).__name__, words_shown(app))
                if painted in seen:
                    continue
                seen.add(painted)
                for width, height in SIZES:
                    await pilot.resize_terminal(width, height)
                    for problem in screen_breaks(app):
                        found.setdefault(f"{painted[0]} at {width}", []).append(problem)
                await pilot.resize_terminal(*SIZE)
    finally:
        control.close()
    assert found == {}
