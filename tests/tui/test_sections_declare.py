"""« Déclarer un changement » on screen, keyboard only at 80x24, against the real stub: Karim
declares a move (a wrong commune refused on its field first, what he typed kept), confirms its
summary, reads the « accusé de réception », and finds it on the dashboard."""

from __future__ import annotations

from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.config import Settings
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.file_rights import DeclareChangeScreen
from caf_tui.screens.form_section import FormSectionScreen
from tests.plain.drive import PAUL_NIR, PAUL_PASSWORD
from tests.tui.drive import log_in, screen_text
from tests.tui.keyboard import enter, press_button, type_text
from tests.tui.migration import SpyBackend, karim_on, press


async def test_karim_declares_a_move_with_the_keyboard(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.DASHBOARD) as (app, _, pilot):
        await press_button(pilot, "#section-declare_change")
        assert isinstance(app.screen, DeclareChangeScreen)
        assert "Aucune déclaration pour le moment." in screen_text(app)
        await press_button(pilot, "#declare-address")
        assert isinstance(app.screen, FormSectionScreen)
        assert app.focused is app.screen.query_one("#street")
        for answer in ("3 rue Nationale", "69001", "Lille", "01/11/2026"):
            await type_text(pilot, answer)
            await enter(pilot)  # Enter goes to the next field, then checks the form
        error = app.screen.query_one("#error-commune")
        assert error.display
        assert "La commune ne correspond pas au code postal 69001 : saisissez « Lyon »." in str(
            error.render()
        )
        assert app.screen.query_one("#street", Input).value == "3 rue Nationale"
        assert app.focused is app.screen.query_one("#commune")
        app.screen.query_one("#commune", Input).value = ""
        await type_text(pilot, "Lyon")
        await enter(pilot)  # to the date, kept
        await enter(pilot)  # the last field: Enter checks the form
        await enter(pilot)  # the summary: Enter on « Envoyer »
        text = screen_text(app)
        assert "Nouvelle adresse : 3 rue Nationale, 69001 Lyon" in text
        assert "Référence : DC-" in text
        assert "Une copie vous a été envoyée à karim.tadj@example.com." in text
        await settling.press(pilot, "escape")
        assert isinstance(app.screen, DeclareChangeScreen)
        assert "Changement d'adresse (référence DC-" in screen_text(app)
        await settling.press(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "MES DERNIÈRES DÉCLARATIONS" in text
        assert "3 rue Nationale, 69001 Lyon" in text


async def test_assisted_mode_shows_the_forms_staff_note(stub: RunningStub) -> None:
    backend = SpyBackend(stub.url)
    app = CafApp(Settings(remember=False, cursor_blink=False, assist=True), backend=backend)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot, PAUL_NIR, PAUL_PASSWORD)
        await press(pilot, "#section-declare_change")
        await press(pilot, "#declare-address")
        text = screen_text(app)
        assert "section:address" in text
        assert "Pour l'agent : Le code postal et la commune doivent se correspondre" in text
