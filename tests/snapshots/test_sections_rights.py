"""The file-right sections at 80x24 (and the address form at 60x20): a form refused on its field,
its summary, a benefit's questions as fields, the attestations to download, a section refused
with the server's words, the spouse's rights as ticks. Clocks stand still with the stub's; the
cursor does not blink. The receipt is not pictured: its time is said in the local time zone."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.screens.form_section import FormSectionScreen
from tests.tui.drive import log_in, settle
from tests.tui.migration import Scene, karim_to, press, still_app

PAUL = ("1 78 02 99 999 015 71", "Leroy1978")
ZOHRA = ("2 85 07 99 999 012 52", "Zohra2024")


async def address_form(pilot: Pilot[None]) -> None:
    await log_in(pilot, *PAUL)
    await press(pilot, "#section-declare_change")
    await press(pilot, "#declare-address")
    assert isinstance(pilot.app.screen, FormSectionScreen)


async def address_refused(pilot: Pilot[None]) -> None:
    """A commune that is not the postal code's: the error under it, what was typed kept."""
    await address_form(pilot)
    typed = {"street": "3 rue Nationale", "postal_code": "69001", "commune": "Lille"}
    for field_id, text in {**typed, "moved_on": "01/11/2026"}.items():
        pilot.app.screen.query_one(f"#{field_id}", Input).value = text
    await press(pilot, "#check")
    assert pilot.app.screen.query_one("#error-commune").display


async def address_summary(pilot: Pilot[None]) -> None:
    await address_refused(pilot)
    pilot.app.screen.query_one("#commune", Input).value = "Lyon"
    await press(pilot, "#check")
    assert pilot.app.screen.query_one("#form-summary").display


async def benefit_form(pilot: Pilot[None]) -> None:
    await log_in(pilot, *PAUL)
    await press(pilot, "#section-request_benefit")
    await press(pilot, "#benefit-prime_activite")
    assert isinstance(pilot.app.screen, FormSectionScreen)


async def attestations(pilot: Pilot[None]) -> None:
    await log_in(pilot, *PAUL)
    await press(pilot, "#section-attestations")


async def zohra_refused(pilot: Pilot[None]) -> None:
    """Zohra without the right: the section opens and says who may, and whom to ask."""
    await log_in(pilot, *ZOHRA)
    await press(pilot, "#section-declare_change")


async def rights_ticks(pilot: Pilot[None]) -> None:
    """Karim's « Gérer Mon Compte », scrolled to the three ticks, « déclarer » ticked alone."""
    await karim_to(pilot, StepName.DASHBOARD)
    await press(pilot, "#section-manage_account")
    pilot.app.screen.query_one("#right-declare_changes").focus(scroll_visible=False)
    await pilot.press("space")
    await settle(pilot)
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


@pytest.mark.parametrize("scene", SCENES)
def test_at_80x24(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    app = still_app(stub, lang="fr")
    assert snap_compare(app, terminal_size=(80, 24), run_before=SCENES[scene])


def test_the_refused_address_at_60x20(snap_compare: Any, stub: RunningStub) -> None:
    app = still_app(stub, lang="fr")
    assert snap_compare(app, terminal_size=(60, 20), run_before=address_refused)
