"""Angela DUBOIS signs in with FranceConnect inside the app, in the terminal (Pilot, keys only),
against the real stub over HTTP, and goes through her journey to the dashboard."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Button

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.franceconnect import FranceConnectScreen
from caf_tui.screens.franceconnect_consent import FranceConnectConsentScreen
from caf_tui.screens.franceconnect_login import FranceConnectLoginScreen
from caf_tui.screens.franceconnect_providers import FranceConnectProvidersScreen
from caf_tui.screens.login import LoginScreen
from tests.tui.drive import screen_text, settle
from tests.tui.migration import ORDER, answer_on_screen, press, running, type_keys

SIZE = (100, 40)
DEMO = "Démonstration eIDAS faible"


async def to_provider_form(pilot: Pilot[None]) -> None:
    await press(pilot, "#franceconnect")
    assert isinstance(pilot.app.screen, FranceConnectScreen)
    await settle(pilot)
    await press(pilot, "#terminal")
    assert isinstance(pilot.app.screen, FranceConnectProvidersScreen)
    text = screen_text(pilot.app)  # type: ignore[arg-type]
    for name in ("impots.gouv.fr", "ameli.fr", "L'Identité Numérique La Poste", "MSA"):
        assert name in text
    demo = next(b for b in pilot.app.screen.query(Button) if str(b.label) == DEMO)
    demo.focus()
    await settling.press(pilot, "enter")
    assert isinstance(pilot.app.screen, FranceConnectLoginScreen)


async def sign_in(pilot: Pilot[None], password: str) -> None:
    await type_keys(pilot, "#login", "test")
    await type_keys(pilot, "#password", password)
    await press(pilot, "#connect")


async def test_angela_through_the_terminal_to_her_dashboard(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        await to_provider_form(pilot)
        await sign_in(pilot, "12")  # wrong: the provider says so, the identifiant stays
        assert "Identifiant ou mot de passe incorrect" in screen_text(app)
        assert app.screen.query_one("#login").value == "test"  # type: ignore[attr-defined]
        await sign_in(pilot, "123")
        assert isinstance(app.screen, FranceConnectConsentScreen)
        text = screen_text(app)
        assert "DUBOIS" in text and "Angela Claire Louise" in text
        await press(pilot, "#accept")
        assert app.journey.step.step == StepName.MIGRATION_INTRO
        for step in ORDER[: ORDER.index(StepName.SPOUSE_AUTHORISATION)]:  # no spouse
            assert app.journey.step.step == step
            await answer_on_screen(pilot, step)
        assert isinstance(app.screen, DashboardScreen)
        assert "DUBOIS" in screen_text(app)


async def test_refusing_consent_opens_no_session(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, backend, pilot):
        await to_provider_form(pilot)
        await sign_in(pilot, "123")
        await press(pilot, "#refuse")
        assert "annulé la connexion" in screen_text(app)
        assert not backend.has_session
        await press(pilot, "#back")
        assert isinstance(app.screen, LoginScreen)


async def test_an_identity_with_no_account(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, backend, pilot):
        await to_provider_form(pilot)
        await type_keys(pilot, "#login", "inconnu")
        await type_keys(pilot, "#password", "123")
        await press(pilot, "#connect")
        await press(pilot, "#accept")
        assert "Aucun compte Caf ne correspond" in screen_text(app)
        assert not backend.has_session
        assert not app.journey.logged_in
