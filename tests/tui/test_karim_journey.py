"""Karim TADJ's whole « votre connexion change » journey, keys only, at 80x24, against the real
stub over HTTP: from his 8-digit password to his dashboard, then back with the new password."""

from __future__ import annotations

from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from tests.tui.drive import log_in, screen_text, settle
from tests.tui.migration import (
    KARIM_NIR,
    KARIM_PASSWORD,
    NEW_PASSWORD,
    ORDER,
    answer_on_screen,
    press,
)

TITLES = {
    StepName.MIGRATION_INTRO: 'VOTRE CONNEXION À "MON COMPTE" CHANGE !',
    StepName.ACCEPT_TERMS: "Étape 1/3 · CONDITIONS GÉNÉRALES D'UTILISATION",
    StepName.CHOOSE_PASSWORD: "Étape 2/3 · CHOISIR SON MOT DE PASSE",
    StepName.CONFIRM_CONTACT: "Étape 3/3 · VÉRIFICATION DE MES COORDONNÉES DE CONTACT",
    StepName.VERIFY_CODE: "Étape 3/3 · VÉRIFICATION DE MES COORDONNÉES DE CONTACT",
    StepName.ACCOUNT_CREATED: "Votre espace Mon Compte est créé",
    StepName.SPOUSE_AUTHORISATION: "MES AUTORISATIONS",
}


async def test_karim_migrates_and_authorises_zohra(stub: RunningStub) -> None:
    app = CafApp(Settings(remember=False, cursor_blink=False), backend=HttpBackend(stub.url))
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, KARIM_NIR, KARIM_PASSWORD)
        for step in ORDER[:-1]:
            assert app.journey.step.step == step
            assert TITLES[step] in screen_text(app), step
            if step is StepName.SPOUSE_AUTHORISATION:
                app.screen.query_one("#decision").focus()
                await settling.press(pilot, "enter")  # « Oui », the first choice
                await press(pilot, "#continue")
            else:
                await answer_on_screen(pilot, step)
        assert isinstance(app.screen, DashboardScreen)
        await settle(pilot)
        assert "Bonjour Karim TADJ" in screen_text(app)

        await press(pilot, "#logout")
        assert isinstance(app.screen, LoginScreen)
        app.screen.query_one("#identifier", Input).value = KARIM_NIR
        app.screen.query_one("#password", Input).value = NEW_PASSWORD
        await press(pilot, "#login")
        assert isinstance(app.screen, DashboardScreen)

    karim = stub.context.store.account_by_nir("183059999901172")
    assert karim is not None
    assert karim.migrated_at is not None and not karim.password_is_legacy
    assert karim.spouse_decision == "authorise"
    subjects = [m.subject for m in stub.context.store.messages(karim.id)]
    assert "Accusé de réception de votre démarche en ligne" in subjects
