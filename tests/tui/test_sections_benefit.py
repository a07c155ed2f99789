"""« Faire une demande de prestation » on screen, keyboard only at 80x24, against the real stub:
the benefit's questions (sent by the server as data) become fields; a bad amount is refused on
its field with what was typed kept; the request is sent; the same again is refused as pending.
And « Changement de situation familiale », its choice a radio set, at 60x20."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.file_rights import DeclareChangeScreen, RequestBenefitScreen
from caf_tui.screens.form_section import FormSectionScreen
from tests.tui.drive import screen_text
from tests.tui.keyboard import enter, focus_is_visible, press_button, tab_to, type_text
from tests.tui.migration import karim_on


async def ask_prime_activite(pilot: Pilot[None], amount: str) -> None:
    await press_button(pilot, "#benefit-prime_activite")
    assert isinstance(pilot.app.screen, FormSectionScreen)
    await type_text(pilot, amount)
    await enter(pilot)
    await type_text(pilot, "3")
    await enter(pilot)  # to the yes/no question
    await tab_to(pilot, "#other_income")
    await settling.press(pilot, "down", "enter")  # « Non », the second answer
    await tab_to(pilot, "#check")
    await enter(pilot)


async def test_karim_requests_the_prime_d_activite_then_again(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.DASHBOARD) as (app, _, pilot):
        await press_button(pilot, "#section-request_benefit")
        assert isinstance(app.screen, RequestBenefitScreen)
        await ask_prime_activite(pilot, "12x")
        error = app.screen.query_one("#error-activity_income")
        assert "en euros, en chiffres" in str(error.render())
        assert app.screen.query_one("#activity_income", Input).value == "12x"
        assert app.focused is app.screen.query_one("#activity_income")
        app.screen.query_one("#activity_income", Input).value = ""
        await type_text(pilot, "1850")
        await tab_to(pilot, "#check")
        await enter(pilot)
        assert "Vos revenus d'activité du mois dernier : 1850,00 €" in screen_text(app)
        await enter(pilot)  # « Envoyer » has the focus
        assert "Référence : PR-" in screen_text(app)
        await settling.press(pilot, "escape")

        await ask_prime_activite(pilot, "1850")
        await enter(pilot)  # « Envoyer »
        error = app.screen.query_one("#error-form")
        assert "déjà en cours d'examen" in str(error.render())
        body = app.screen.query_one("#section-body")
        assert body.region.contains_region(error.region)  # scrolled into view, above the summary


async def test_a_separation_at_60x20(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.DASHBOARD, size=(60, 20)) as (app, _, pilot):
        await press_button(pilot, "#section-declare_change")
        assert isinstance(app.screen, DeclareChangeScreen)
        await press_button(pilot, "#declare-family_situation")
        await tab_to(pilot, "#situation")
        await settling.press(pilot, "down", "enter")  # « Séparation »
        await tab_to(pilot, "#since")
        await type_text(pilot, "31/10/2026")
        await enter(pilot)
        focus_is_visible(pilot)
        assert app.focused is app.screen.query_one("#send")
        await enter(pilot)
        text = screen_text(app)
        assert "Nouvelle situation : Séparation" in text
        assert "Référence : DC-" in text
