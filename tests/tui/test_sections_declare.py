"""« Déclarer un changement » on screen, keyboard only at 80x24, against the real stub: Karim
declares a move (a wrong commune refused on its field first, what he typed kept), confirms its
summary, reads the « accusé de réception », and finds it on the dashboard."""

from __future__ import annotations

from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.config import Settings
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.file_rights import DeclareChangeScreen
from caf_tui.screens.form_section import FormSectionScreen
from tests.plain.drive import PAUL_NIR, PAUL_PASSWORD
from tests.tui.drive import log_in, screen_text, settle
from tests.tui.keyboard import enter, tab_to, type_text
from tests.tui.migration import SpyBackend, karim_to, make_app, press


async def test_karim_declares_a_move_with_the_keyboard(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(80, 24)) as pilot:
        await karim_to(pilot, StepName.DASHBOARD)
        await tab_to(pilot, "#section-declare_change")
        await enter(pilot)
        assert isinstance(app.screen, DeclareChangeScreen)
        assert "Aucune déclaration pour le moment." in screen_text(app)
        await tab_to(pilot, "#declare-address")
        await enter(pilot)
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
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DeclareChangeScreen)
        assert "Changement d'adresse (référence DC-" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
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
