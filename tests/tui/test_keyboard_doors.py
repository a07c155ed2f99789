"""The other doors of the portal with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows,
Échap): « Mot de passe oublié ? », « Créer Mon Compte », FranceConnect and « Gérer Mon
Compte », with the demo outbox and the help dialogs. No click, no ``.focus()`` call, no value
set directly. At 80x24 each of their screens is toured with Tab and Shift+Tab (every control
reached, the focused one always on screen); each journey ends with its real outcome, checked
against the stub over HTTP where it can be."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.widgets import Button, Input, RadioSet

from caf_stub import RunningStub
from caf_tui.api import Channel, NextStep, StepName
from caf_tui.app import CafApp
from caf_tui.replay import settle as settling
from caf_tui.screens.base import StepCall
from caf_tui.screens.change_contact import ChangeContactScreen
from caf_tui.screens.change_password import ChangePasswordScreen
from caf_tui.screens.connections import ConnectionsScreen
from caf_tui.screens.create_account import CreateAccountScreen
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.demo_outbox import DemoOutboxScreen
from caf_tui.screens.forgot_password import ForgotPasswordScreen
from caf_tui.screens.franceconnect import FranceConnectScreen
from caf_tui.screens.franceconnect_browser import FranceConnectBrowserScreen
from caf_tui.screens.franceconnect_consent import FranceConnectConsentScreen
from caf_tui.screens.franceconnect_login import FranceConnectLoginScreen
from caf_tui.screens.franceconnect_providers import FranceConnectProvidersScreen
from caf_tui.screens.help import HelpScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from caf_tui.screens.recovery_code import RecoveryCodeScreen
from caf_tui.screens.recovery_password import RecoveryPasswordScreen
from caf_tui.screens.registry import screen_class
from tests.stub.helpers import Portal
from tests.tui.drive import screen_text, settle
from tests.tui.keyboard import (
    arrived_on,
    enter,
    fill,
    focus_is_visible,
    press_button,
    tab_round,
    tab_to,
    type_text,
)
from tests.tui.migration import (
    ANSWERS,
    CODE,
    NEW_PASSWORD,
    ORDER,
    answered_fast,
    karim_on,
    running,
)

SIZE = (80, 24)
CLAIRE = "2 92 01 99 999 014 96"
PAUL = "1 78 02 99 999 015 71"
LUCAS = "1 10 05 99 999 013 58"
ZOHRA = "2 85 07 99 999 012 52"


def by_email_answer(step: NextStep) -> StepCall:
    """The contact step answered « par e-mail » (Angela has no mobile on file)."""
    return lambda backend: backend.confirm_contact(Channel.EMAIL)


def body_marked(pilot: Pilot[None]) -> None:
    """The focused body (it takes the focus to scroll) shows it with a bar, not a shade."""
    focused = focus_is_visible(pilot)
    assert isinstance(focused, ScrollableContainer), focused
    assert focused.styles.outline_left[0] == "thick", focused.styles.outline_left


async def outbox_and_back(pilot: Pilot[None]) -> None:
    """« Messages reçus (démo) »: the list first focused (framed twice), toured, closed with
    Échap."""
    app = pilot.app
    assert isinstance(app, CafApp)
    screen = app.screen
    await press_button(pilot, "#outbox")
    assert isinstance(app.screen, DemoOutboxScreen)
    await settle(pilot)
    assert focus_is_visible(pilot) is app.screen.query_one("#outbox-list")
    assert "1 message(s), du plus récent au plus ancien." in screen_text(app)
    await tab_round(pilot)
    await settling.press(pilot, "escape")
    assert pilot.app.screen is screen


async def help_and_back(pilot: Pilot[None], words: str) -> None:
    """F1: the help dialog, toured, closed with its button (Enter)."""
    screen = pilot.app.screen
    await settling.press(pilot, "f1")
    assert isinstance(pilot.app.screen, HelpScreen)
    assert words in pilot.app.screen.text
    body_marked(pilot)  # the text first, to scroll it with the arrows
    await tab_round(pilot)
    await press_button(pilot, "#close")
    assert pilot.app.screen is screen


async def tab_to_label(pilot: Pilot[None], label: str) -> None:
    """Tab until the focused button reads ``label`` (the providers' buttons have no id)."""
    for _ in range(40):
        focused = pilot.app.focused
        if isinstance(focused, Button) and str(focused.label) == label:
            return
        await settling.press(pilot, "tab")
        focus_is_visible(pilot)
    raise AssertionError(f"no button « {label} » reached with Tab")


async def test_claire_forgets_her_password_and_logs_in_with_a_new_one(
    stub: RunningStub,
) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        await settle(pilot)
        await type_text(pilot, CLAIRE)
        await press_button(pilot, "#forgot")

        arrived_on(pilot, ForgotPasswordScreen, "#identifier")
        assert app.screen.query_one("#identifier", Input).value == CLAIRE
        await tab_round(pilot)
        await help_and_back(pilot, "carte Vitale")  # the focused field's help
        await press_button(pilot, "#validate")

        arrived_on(pilot, RecoveryCodeScreen, "#code")
        await tab_round(pilot)
        await outbox_and_back(pilot)
        await tab_to(pilot, "#code", key="shift+tab")
        await type_text(pilot, "000000")
        await enter(pilot)
        assert "Erreur : Code incorrect" in screen_text(app)
        assert focus_is_visible(pilot) is app.screen.query_one("#code")
        await type_text(pilot, CODE)  # the wrong code is selected: typing replaces it
        await enter(pilot)

        arrived_on(pilot, RecoveryPasswordScreen, "#password")
        await tab_round(pilot)
        await tab_to(pilot, "#password")
        await type_text(pilot, "Claire2026")
        await enter(pilot)  # Enter in the first field goes on to the confirmation
        assert focus_is_visible(pilot) is app.screen.query_one("#confirmation")
        await type_text(pilot, "Claire2026")
        await press_button(pilot, "#validate")

        assert isinstance(app.screen, LoginScreen)
        assert "Votre mot de passe a été modifié" in screen_text(app)
        await tab_to(pilot, "#identifier")
        await type_text(pilot, CLAIRE)
        await tab_to(pilot, "#password")
        await type_text(pilot, "Claire2026")
        await enter(pilot)
        assert isinstance(app.screen, screen_class(StepName.MIGRATION_INTRO))
    Portal(stub).login(CLAIRE.replace(" ", ""), "Claire2026")


async def test_lucas_creates_his_account(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        await settle(pilot)
        await press_button(pilot, "#create-account")

        arrived_on(pilot, CreateAccountScreen, "#numero_allocataire")
        # « Je n'ai pas de numéro de Sécurité sociale » (Space) brings « Madame / Monsieur »:
        # toured that way, then chosen with the arrows and Space, then unticked again.
        await tab_to(pilot, "#no-nir")
        await settling.press(pilot, "space")
        await tab_round(pilot)
        await tab_to(pilot, "#gender")
        gender = app.screen.query_one("#gender", RadioSet)
        await settling.press(pilot, "down", "space")
        assert gender.pressed_button is not None
        assert gender.pressed_button.id == "gender-M", gender.pressed_button
        await tab_to(pilot, "#no-nir", key="shift+tab")
        await settling.press(pilot, "space")
        assert not gender.display and app.screen.query_one("#nir").display
        await fill(
            pilot,
            {
                "#numero_allocataire": "4821573",
                "#postal_code": "93200",
                "#family_name": "TADJ",
                "#given_names": "Lucas",
                "#birth_date": "22/05/2012",
                "#nir": LUCAS,
            },
        )
        await enter(pilot)  # Enter in the last field sends the form
        # Refused by the stub: the error in words beside the date, what was typed kept.
        assert "Erreur : Il faut avoir au moins 16 ans" in screen_text(app)
        assert focus_is_visible(pilot) is app.screen.query_one("#birth_date")
        assert app.screen.query_one("#nir", Input).value == LUCAS
        await type_text(pilot, "22/05/2010")  # the focused date is selected: typing replaces it
        assert app.screen.query_one("#birth_date", Input).value == "22/05/2010"
        await press_button(pilot, "#validate")

        # The code Karim (the file holder) received, the terms, the password: answered fast,
        # those screens by keyboard are test_keyboard_only.py's, the journey through them
        # flows/lucas-create-account.yaml's.
        first = [StepName.VERIFY_CODE, StepName.ACCEPT_TERMS, StepName.CHOOSE_PASSWORD]
        await answered_fast(pilot, first)
        # Nothing on file: he types his e-mail, saves it; e-mail is then the only channel.
        assert app.journey.step.step == StepName.CONFIRM_CONTACT
        await press_button(pilot, "#edit")
        await fill(pilot, {"#email": "lucas.tadj@example.com"})
        await enter(pilot)
        await press_button(pilot, "#validate")  # e-mail, the only channel
        await answered_fast(pilot, [StepName.VERIFY_CODE])
        assert LUCAS in screen_text(app)
        assert app.journey.step.step == StepName.ACCOUNT_CREATED
        await press_button(pilot, "#continue")
        assert isinstance(app.screen, DashboardScreen)
        assert "Membre du foyer" in screen_text(app)
    Portal(stub).login(LUCAS.replace(" ", ""), NEW_PASSWORD)  # the account exists


async def test_angela_signs_in_with_franceconnect_to_her_dashboard(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        await settle(pilot)
        await press_button(pilot, "#franceconnect")

        assert isinstance(app.screen, FranceConnectScreen)
        await settle(pilot)
        assert focus_is_visible(pilot) is app.screen.query_one("#browser")
        await tab_round(pilot)
        await press_button(pilot, "#what")
        assert isinstance(app.screen, HelpScreen)
        assert "FranceConnect" in app.screen.text
        await tab_round(pilot)
        await settling.press(pilot, "escape")

        # In a browser: the link, its QR code and the wait; Échap comes back.
        assert isinstance(app.screen, FranceConnectScreen)
        await press_button(pilot, "#browser")
        arrived_on(pilot, FranceConnectBrowserScreen, "#cancel")
        await tab_round(pilot)
        await settling.press(pilot, "escape")

        assert isinstance(app.screen, FranceConnectScreen)
        await press_button(pilot, "#terminal")
        assert isinstance(app.screen, FranceConnectProvidersScreen)
        await tab_round(pilot)
        await tab_to_label(pilot, "Démonstration eIDAS faible")
        await enter(pilot)

        arrived_on(pilot, FranceConnectLoginScreen, "#login")
        await tab_round(pilot)
        await fill(pilot, {"#login": "test", "#password": "12"})
        await enter(pilot)
        assert "Identifiant ou mot de passe incorrect" in screen_text(app)
        assert app.screen.query_one("#login", Input).value == "test"
        assert focus_is_visible(pilot) is app.screen.query_one("#password")
        await type_text(pilot, "123")
        await enter(pilot)

        assert isinstance(app.screen, FranceConnectConsentScreen)
        assert "Angela Claire Louise" in screen_text(app)
        assert focus_is_visible(pilot) is app.screen.query_one("#accept")
        await tab_round(pilot)
        await press_button(pilot, "#accept")

        # Her « votre connexion change » answered fast: those screens by keyboard are
        # test_keyboard_only.py's, this journey through them flows/angela-franceconnect.yaml's.
        by_email = {**ANSWERS, StepName.CONFIRM_CONTACT: by_email_answer}
        await answered_fast(pilot, ORDER[:6], by_email)
        assert isinstance(app.screen, DashboardScreen)
        assert "Bonjour Angela Claire Louise DUBOIS" in screen_text(app)


async def paul_to_manage_account(pilot: Pilot[None]) -> None:
    """Paul logs in (keys only) and opens « Gérer Mon Compte » from his dashboard."""
    await settle(pilot)
    await fill(pilot, {"#identifier": PAUL, "#password": "Leroy1978"})
    await enter(pilot)
    assert isinstance(pilot.app.screen, DashboardScreen)
    await press_button(pilot, "#section-manage_account")
    assert isinstance(pilot.app.screen, ManageAccountScreen)


async def test_paul_reads_his_sections_and_changes_his_email(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        await paul_to_manage_account(pilot)
        body_marked(pilot)  # first, to read the profile with the arrows
        await tab_round(pilot)
        await help_and_back(pilot, "votre profil")

        await press_button(pilot, "#connections")
        assert isinstance(app.screen, ConnectionsScreen)
        assert "(cette session)" in screen_text(app)
        body_marked(pilot)
        await tab_round(pilot)
        await press_button(pilot, "#back")

        # A new e-mail: the code goes to it, and only then is it saved.
        assert isinstance(app.screen, ManageAccountScreen)
        await press_button(pilot, "#change-contact")
        arrived_on(pilot, ChangeContactScreen, "#current_password")
        await tab_round(pilot)
        # The password first (a session left open moves no codes), the old e-mail selected.
        await fill(pilot, {"#current_password": "Leroy1978", "#email": "paul.leroy@nouveau.fr"})
        await enter(pilot)
        assert "envoyé par e-mail à paul.leroy@nouveau.fr" in screen_text(app)
        assert focus_is_visible(pilot) is app.screen.query_one("#code")
        await tab_round(pilot)
        await tab_to(pilot, "#code")
        await type_text(pilot, CODE)
        await enter(pilot)
        assert isinstance(app.screen, ManageAccountScreen)
        assert "Adresse e-mail : paul.leroy@nouveau.fr" in screen_text(app)

        await settling.press(pilot, "escape")
        await press_button(pilot, "#section-attestations")
        assert "Attestation de paiement" in screen_text(app)
        await tab_round(pilot)
    portal = Portal(stub)
    portal.login(PAUL.replace(" ", ""), "Leroy1978")
    assert portal.ok("GET", "/account/profile")["email"] == "paul.leroy@nouveau.fr"


async def test_paul_changes_his_password(stub: RunningStub) -> None:
    async with running(stub, size=SIZE) as (app, _, pilot):
        await paul_to_manage_account(pilot)
        await press_button(pilot, "#change-password")
        arrived_on(pilot, ChangePasswordScreen, "#current_password")
        await tab_round(pilot)
        # Enter goes from field to field, then sends; a wrong current password is refused in
        # words, the new one typed stays.
        await tab_to(pilot, "#current_password")
        for text in ("Mauvais1", "Paul2027", "Paul2027"):
            await type_text(pilot, text)
            await enter(pilot)
        assert "Erreur : Mot de passe actuel incorrect" in screen_text(app)
        assert app.screen.query_one("#password", Input).value == "Paul2027"
        assert focus_is_visible(pilot) is app.screen.query_one("#current_password")
        await type_text(pilot, "Leroy1978")  # what was typed is selected: typing replaces it
        await press_button(pilot, "#validate")
        assert isinstance(app.screen, ManageAccountScreen)

        await settling.press(pilot, "escape")
        await press_button(pilot, "#logout")
        assert isinstance(app.screen, LoginScreen)
    portal = Portal(stub)
    portal.login(PAUL.replace(" ", ""), "Leroy1978", expect=401)
    portal.login(PAUL.replace(" ", ""), "Paul2027")


async def test_karim_authorises_then_withdraws_his_spouse(stub: RunningStub) -> None:
    # The journey itself, by keyboard: test_keyboard_only.py
    async with karim_on(stub, StepName.DASHBOARD, size=SIZE) as (app, _, pilot):
        await press_button(pilot, "#section-manage_account")
        assert "Zohra TADJ n'est pas autorisé(e)" in screen_text(app)
        await press_button(pilot, "#grant")
        assert "Zohra TADJ est autorisé(e) à :" in screen_text(app)
        zohra = Portal(stub)
        zohra.login(ZOHRA.replace(" ", ""), "Zohra2024")
        assert zohra.get("/account/payments").status_code == 200
        await tab_round(pilot)
        await press_button(pilot, "#withdraw")
        assert "Zohra TADJ n'est pas autorisé(e)" in screen_text(app)
        assert zohra.get("/account/payments").status_code == 403
