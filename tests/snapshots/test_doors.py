"""The other doors at 80x24: « Mot de passe oublié ? », « Créer Mon Compte » (one field
refused), FranceConnect's provider choice and consent, and « Gérer Mon Compte »; in French, in
English, in the high-contrast theme and under NO_COLOR.

The app answers from Paul's visit to the stub, in memory, its clock standing still; the
FranceConnect pictures stay on the live stub: its identity providers and its consent page,
which the app reads over HTTP outside the backend, are what they show. The cursor does not
blink. Each state is said in words (« Erreur : », « (indisponible) »), so the NO_COLOR
pictures still tell it.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input

from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.replay import settle
from caf_tui.screens.create_account import CreateAccountScreen
from caf_tui.screens.forgot_password import ForgotPasswordScreen
from caf_tui.screens.franceconnect import FranceConnectScreen
from caf_tui.screens.franceconnect_consent import FranceConnectConsentScreen
from caf_tui.screens.franceconnect_providers import FranceConnectProvidersScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from tests.snapshots.scenes import Scene, fill, pictures, press
from tests.snapshots.visits import Visit, live_app

CLAIRE = "2 92 01 99 999 014 96"


async def forgot_password(pilot: Pilot[None]) -> None:
    """Claire's identifier typed on the login, then « Mot de passe oublié ? »: it is kept."""
    await settle.settle(pilot)
    fill(pilot, {"identifier": CLAIRE})
    await press(pilot, "#forgot")
    assert isinstance(pilot.app.screen, ForgotPasswordScreen)


async def create_account_refused(pilot: Pilot[None]) -> None:
    """« 932 » as the postal code: refused before sending, the error under the field."""
    await settle.settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CreateAccountScreen)
    fill(pilot, {"numero_allocataire": "4821573", "postal_code": "932"})
    await press(pilot, "#validate")
    assert screen.query_one("#error-postal_code").display


async def franceconnect_providers(pilot: Pilot[None]) -> None:
    """« Dans ce terminal »: the identity providers, the demo one first focused."""
    await settle.settle(pilot)
    await press(pilot, "#terminal")
    assert isinstance(pilot.app.screen, FranceConnectProvidersScreen)


async def franceconnect_consent(pilot: Pilot[None]) -> None:
    """Signed in at « Démonstration eIDAS faible » as test / 123: what will be transmitted."""
    await franceconnect_providers(pilot)
    demo = next(b for b in pilot.app.screen.query(Button) if "eIDAS faible" in str(b.label))
    demo.focus()
    await settle.press(pilot, "enter")
    screen = pilot.app.screen
    screen.query_one("#login", Input).value = "test"
    screen.query_one("#password", Input).value = "123"
    await press(pilot, "#connect")
    assert isinstance(pilot.app.screen, FranceConnectConsentScreen)


async def manage_account(pilot: Pilot[None]) -> None:
    """Paul LEROY's « Gérer Mon Compte »: his profile, then the security buttons below."""
    await settle.settle(pilot)
    assert isinstance(pilot.app.screen, ManageAccountScreen)


SCENES: dict[str, Scene] = {
    "forgot-password": forgot_password,
    "create-account-refused": create_account_refused,
    "franceconnect-providers": franceconnect_providers,
    "franceconnect-consent": franceconnect_consent,
    "manage-account": manage_account,
}
#: FranceConnect's pages are the stub's: pictured as it serves them, from its door of the login.
LIVE = {"franceconnect-providers", "franceconnect-consent"}


def app_for(request: pytest.FixtureRequest, scene: str, settings: dict[str, Any]) -> CafApp:
    if scene in LIVE:
        return live_app(request.getfixturevalue("stub"), FranceConnectScreen, **settings)
    paul: Visit = request.getfixturevalue("paul")
    if scene == "create-account-refused":
        return paul.app(door=CreateAccountScreen, **settings)
    if scene == "manage-account":  # the section the dashboard opens, on Paul's dashboard
        return paul.app(StepName.DASHBOARD, door=ManageAccountScreen, **settings)
    return paul.app(**settings)


test_in_french = pictures(SCENES, app_for, "The default: French, the CAF theme.", lang="fr")
test_in_english = pictures(
    SCENES,
    app_for,
    """--lang en: every word of the app in English; the portal's and FranceConnect's own words
    (provider names, consent labels, server messages) stay French.""",
    lang="en",
)
test_in_the_contrast_theme = pictures(
    SCENES,
    app_for,
    """--theme contrast: white and yellow on black, fields and buttons framed, the focused one
    with a heavier frame.""",
    lang="fr",
    theme="contrast",
)
test_under_no_color = pictures(
    SCENES,
    app_for,
    """NO_COLOR=1: shades of grey only; the error, the unavailable providers and the focused
    control still read in words and signs.""",
    lang="fr",
    no_color=True,
)
test_at_200x60 = pictures(
    SCENES,
    app_for,
    """A large terminal: the form keeps a readable width, nothing stretches across 200
    columns, the keys stay in the footer.""",
    size=(200, 60),
    lang="fr",
)
