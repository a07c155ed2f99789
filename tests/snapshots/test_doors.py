"""The other doors at 80x24: « Mot de passe oublié ? », « Créer Mon Compte » (one field
refused), FranceConnect's provider choice and consent, and « Gérer Mon Compte »; in French, in
English, in the high-contrast theme and under NO_COLOR.

Clocks stand still with the stub's (as in test_accessibility.py); the cursor does not blink.
Each state is said in words (« Erreur : », « (indisponible) »), so the NO_COLOR pictures still
tell it.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input

from caf_stub import RunningStub
from caf_tui.screens.create_account import CreateAccountScreen
from caf_tui.screens.forgot_password import ForgotPasswordScreen
from caf_tui.screens.franceconnect_consent import FranceConnectConsentScreen
from caf_tui.screens.franceconnect_providers import FranceConnectProvidersScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from tests.tui.drive import log_in, settle
from tests.tui.migration import Scene, press, still_app

SIZE = (80, 24)
CLAIRE = "2 92 01 99 999 014 96"


async def forgot_password(pilot: Pilot[None]) -> None:
    """Claire's identifier typed on the login, then « Mot de passe oublié ? »: it is kept."""
    await settle(pilot)
    pilot.app.screen.query_one("#identifier", Input).value = CLAIRE
    await press(pilot, "#forgot")
    assert isinstance(pilot.app.screen, ForgotPasswordScreen)


async def create_account_refused(pilot: Pilot[None]) -> None:
    """« 932 » as the postal code: refused before sending, the error under the field."""
    await settle(pilot)
    await press(pilot, "#create-account")
    screen = pilot.app.screen
    assert isinstance(screen, CreateAccountScreen)
    for field_id, text in {"numero_allocataire": "4821573", "postal_code": "932"}.items():
        screen.query_one(f"#{field_id}", Input).value = text
    await press(pilot, "#validate")
    assert screen.query_one("#error-postal_code").display


async def franceconnect_providers(pilot: Pilot[None]) -> None:
    """« Dans ce terminal »: the identity providers, the demo one first focused."""
    await settle(pilot)
    await press(pilot, "#franceconnect")
    await settle(pilot)
    await press(pilot, "#terminal")
    assert isinstance(pilot.app.screen, FranceConnectProvidersScreen)


async def franceconnect_consent(pilot: Pilot[None]) -> None:
    """Signed in at « Démonstration eIDAS faible » as test / 123: what will be transmitted."""
    await franceconnect_providers(pilot)
    demo = next(b for b in pilot.app.screen.query(Button) if "eIDAS faible" in str(b.label))
    demo.focus()
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#login", Input).value = "test"
    screen.query_one("#password", Input).value = "123"
    await press(pilot, "#connect")
    assert isinstance(pilot.app.screen, FranceConnectConsentScreen)


async def manage_account(pilot: Pilot[None]) -> None:
    """Paul LEROY's « Gérer Mon Compte »: his profile, then the security buttons below."""
    await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")
    await press(pilot, "#section-manage_account")
    assert isinstance(pilot.app.screen, ManageAccountScreen)
    await settle(pilot)


SCENES: dict[str, Scene] = {
    "forgot-password": forgot_password,
    "create-account-refused": create_account_refused,
    "franceconnect-providers": franceconnect_providers,
    "franceconnect-consent": franceconnect_consent,
    "manage-account": manage_account,
}


@pytest.mark.parametrize("scene", SCENES)
def test_in_french(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    """The default: French, the CAF theme."""
    app = still_app(stub, lang="fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=SCENES[scene])


@pytest.mark.parametrize("scene", SCENES)
def test_in_english(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    """--lang en: every word of the app in English; the portal's and FranceConnect's own words
    (provider names, consent labels, server messages) stay French."""
    app = still_app(stub, lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=SCENES[scene])


@pytest.mark.parametrize("scene", SCENES)
def test_in_the_contrast_theme(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    """--theme contrast: white and yellow on black, fields and buttons framed, the focused one
    with a heavier frame."""
    app = still_app(stub, lang="fr", theme="contrast")
    assert snap_compare(app, terminal_size=SIZE, run_before=SCENES[scene])


@pytest.mark.parametrize("scene", SCENES)
def test_under_no_color(
    snap_compare: Any, stub: RunningStub, monkeypatch: pytest.MonkeyPatch, scene: str
) -> None:
    """NO_COLOR=1: shades of grey only; the error, the unavailable providers and the focused
    control still read in words and signs."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = still_app(stub, lang="fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=SCENES[scene])


@pytest.mark.parametrize("scene", SCENES)
def test_at_200x60(snap_compare: Any, stub: RunningStub, scene: str) -> None:
    """A large terminal: the form keeps a readable width, nothing stretches across 200
    columns, the keys stay in the footer."""
    app = still_app(stub, lang="fr")
    assert snap_compare(app, terminal_size=(200, 60), run_before=SCENES[scene])
