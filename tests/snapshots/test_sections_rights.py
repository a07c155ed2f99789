"""The file-right sections at 80x24 (and the address form at 60x20): a form refused on its field,
its summary, a benefit's questions as fields, the attestations to download, a section refused
with the server's words, the spouse's rights as ticks. The app answers from Paul's, Zohra's and
Karim's visits to the stub, in memory, its clock standing still; the cursor does not blink. The
receipt is not pictured: its time is said in the local time zone."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.replay import settle
from caf_tui.screens.form_section import FormSectionScreen
from caf_tui.screens.sections import SECTION_SCREENS
from tests.snapshots.scenes import Scene, fill, pictures, press
from tests.snapshots.visits import ADDRESS_TYPED, Visit


async def opened(pilot: Pilot[None], *buttons: str) -> None:
    """On the section the app starts on (``SECTIONS``), each button pressed in turn."""
    await settle.settle(pilot)
    for button in buttons:
        await press(pilot, button)


async def address_refused(pilot: Pilot[None]) -> None:
    """A commune that is not the postal code's: the error under it, what was typed kept."""
    await opened(pilot, "#declare-address")
    assert isinstance(pilot.app.screen, FormSectionScreen)
    fill(pilot, ADDRESS_TYPED)
    await press(pilot, "#check")
    assert pilot.app.screen.query_one("#error-commune").display


async def address_summary(pilot: Pilot[None]) -> None:
    await address_refused(pilot)
    fill(pilot, {"commune": "Lyon"})
    await press(pilot, "#check")
    assert pilot.app.screen.query_one("#form-summary").display


async def benefit_form(pilot: Pilot[None]) -> None:
    await opened(pilot, "#benefit-prime_activite")
    assert isinstance(pilot.app.screen, FormSectionScreen)


async def attestations(pilot: Pilot[None]) -> None:
    await opened(pilot)


async def zohra_refused(pilot: Pilot[None]) -> None:
    """Zohra without the right: the section opens and says who may, and whom to ask."""
    await opened(pilot)


async def rights_ticks(pilot: Pilot[None]) -> None:
    """Karim's « Gérer Mon Compte », scrolled to the three ticks, « déclarer » ticked alone."""
    await opened(pilot)
    pilot.app.screen.query_one("#right-declare_changes").focus(scroll_visible=False)
    await pilot.press("space")
    await settle.settle(pilot)
    await pilot.wait_for_scheduled_animations()  # the tick scrolled into view, once shown anew
    await pilot.pause()


SCENES: dict[str, Scene] = {
    "address-refused": address_refused,
    "address-summary": address_summary,
    "benefit-form": benefit_form,
    "attestations": attestations,
    "zohra-refused": zohra_refused,
    "rights-ticks": rights_ticks,
}
VISITS = {"zohra-refused": "zohra", "rights-ticks": "karim"}
#: The section of the dashboard each scene's app starts on, the dashboard under it.
SECTIONS = {
    "address-refused": "declare_change",
    "address-summary": "declare_change",
    "benefit-form": "request_benefit",
    "attestations": "attestations",
    "zohra-refused": "declare_change",
    "rights-ticks": "manage_account",
}


def app_for(request: pytest.FixtureRequest, scene: str, settings: dict[str, Any]) -> CafApp:
    visit: Visit = request.getfixturevalue(VISITS.get(scene, "paul"))
    return visit.app(StepName.DASHBOARD, door=SECTION_SCREENS[SECTIONS[scene]], **settings)


test_at_80x24 = pictures(SCENES, app_for, "Each section as a person leaves it.", lang="fr")


def test_the_refused_address_at_60x20(snap_compare: Any, paul: Visit) -> None:
    """The smallest terminal: the refused commune and its error in view."""
    app = paul.app(StepName.DASHBOARD, door=SECTION_SCREENS["declare_change"], lang="fr")
    assert snap_compare(app, terminal_size=(60, 20), run_before=address_refused)
