"""« Faire une demande de prestation » on screen, keyboard only at 80x24, against the real stub:
the benefit's questions (sent by the server as data) become fields; a bad amount is refused on
its field with what was typed kept; the request is sent; the same again is refused as pending.
And « Changement de situation familiale », its choice a radio set, at 60x20."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.screens.file_rights import DeclareChangeScreen, RequestBenefitScreen
from caf_tui.screens.form_section import FormSectionScreen
from tests.tui.drive import screen_text, settle
from tests.tui.keyboard import enter, focus_is_visible, tab_to, type_text
from tests.tui.migration import karim_to, make_app


async def ask_prime_activite(pilot: Pilot[None], amount: str) -> None:
    await tab_to(pilot, "#benefit-prime_activite")
    await enter(pilot)
    assert isinstance(pilot.app.screen, FormSectionScreen)
    await type_text(pilot, amount)
    await enter(pilot)
    await type_text(pilot, "3")
    await enter(pilot)  # to the yes/no question
    await tab_to(pilot, "#other_income")
    await pilot.press("down", "enter")  # « Non », the second answer
    await tab_to(pilot, "#check")
    await enter(pilot)


async def test_karim_requests_the_prime_d_activite_then_again(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(80, 24)) as pilot:
        await karim_to(pilot, StepName.DASHBOARD)
        await tab_to(pilot, "#section-request_benefit")
        await enter(pilot)
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
        await pilot.press("escape")
        await settle(pilot)

        await ask_prime_activite(pilot, "1850")
        await enter(pilot)  # « Envoyer »
        error = app.screen.query_one("#error-form")
        assert "déjà en cours d'examen" in str(error.render())
        body = app.screen.query_one("#section-body")
        assert body.region.contains_region(error.region)  # scrolled into view, above the summary


async def test_a_separation_at_60x20(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(60, 20)) as pilot:
        await karim_to(pilot, StepName.DASHBOARD)
        await tab_to(pilot, "#section-declare_change")
        await enter(pilot)
        assert isinstance(app.screen, DeclareChangeScreen)
        await tab_to(pilot, "#declare-family_situation")
        await enter(pilot)
        await tab_to(pilot, "#situation")
        await pilot.press("down", "enter")  # « Séparation »
        await tab_to(pilot, "#since")
        await type_text(pilot, "31/10/2026")
        await enter(pilot)
        focus_is_visible(pilot)
        assert app.focused is app.screen.query_one("#send")
        await enter(pilot)
        text = screen_text(app)
        assert "Nouvelle situation : Séparation" in text
        assert "Référence : DC-" in text
