"""The migration screens, one by one, through the app against the real stub over HTTP."""

from __future__ import annotations

from textual.widgets import Button, Input

from caf_stub import RunningStub
from caf_tui.api import (
    AccountCreatedStep,
    MigrationIntroStep,
    PasswordPolicy,
    StepName,
)
from caf_tui.api.steps import ChoosePasswordStep
from caf_tui.replay import settle as settling
from caf_tui.screens.choose_password import ChoosePasswordScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.screens.registry import screen_class
from caf_tui.widgets.rule_checklist import RuleChecklist
from caf_tui.widgets.toggles import ChoiceButton
from tests.tui.drive import screen_text, settle
from tests.tui.migration import (
    KARIM_NIR,
    KARIM_PASSWORD,
    NEW_PASSWORD,
    karim_on,
    press,
    text_of,
    type_keys,
)


async def test_intro_says_how_long_from_the_step(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.MIGRATION_INTRO) as (app, _, pilot):
        text = screen_text(app)
        assert 'VOTRE CONNEXION À "MON COMPTE" CHANGE !' in text
        assert "Pour faire ce changement, 3 étapes. 5 à 10 minutes sont nécessaires." in text
        assert "2. Je choisis mon nouveau mot de passe" in text
        await app.show_step(MigrationIntroStep(minutes_min=2, minutes_max=4))
        await settle(pilot)
        assert "2 à 4 minutes sont nécessaires." in screen_text(app)


async def test_continuer_waits_for_the_box(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.ACCEPT_TERMS) as (app, backend, pilot):
        screen = app.screen
        assert isinstance(screen, screen_class(StepName.ACCEPT_TERMS))
        continuer = screen.query_one("#continue", Button)
        assert continuer.disabled
        assert "Cochez la case ci-dessus pour pouvoir continuer." in screen_text(app)
        # The conditions scroll with the keyboard.
        terms = screen.query_one("#terms-text")
        assert app.focused is terms
        await settling.press(pilot, "end")
        await settling.animated(pilot)
        assert terms.scroll_y > 0
        await settling.press(pilot, "tab", "space")
        assert not continuer.disabled
        assert "Cochez la case" not in screen_text(app)
        await settling.press(pilot, "space")
        assert continuer.disabled
        await pilot.click("#continue")
        await settle(pilot)
        assert "POST /journey/accept_terms" not in backend.requests
        await settling.press(pilot, "space")
        await press(pilot, "#continue")
        assert app.journey.step.step == StepName.CHOOSE_PASSWORD


async def test_checklist_follows_each_keystroke(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CHOOSE_PASSWORD) as (app, _, pilot):
        checklist = app.screen.query_one(RuleChecklist)

        def failing() -> list[str]:
            return [line[2:] for line in text_of(checklist).splitlines() if line[0] == "✗"]

        assert len(failing()) == 6  # empty: no rule is met by no characters
        app.screen.query_one("#password").focus()
        expected_after = {
            "k": {"8 à 24 caractères", "1 chiffre", "1 lettre majuscule"},
            "K": {"8 à 24 caractères", "1 chiffre"},
            "2": {"8 à 24 caractères"},
            "!": {"8 à 24 caractères", "chiffres et lettres uniquement"},
        }
        for key, still_failing in expected_after.items():
            await settling.press(pilot, key if key != "!" else "exclamation_mark")
            assert {rule.removesuffix(" (non respectée)") for rule in failing()} == (
                still_failing | {"les deux saisies sont identiques"}
            )


async def test_failing_rules_are_named_and_nothing_is_sent(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CHOOSE_PASSWORD) as (app, backend, pilot):
        await type_keys(pilot, "#password", "karim")
        await type_keys(pilot, "#confirmation", "karim")
        await press(pilot, "#validate")
        error = text_of(app.screen.query_one("#error-password"))
        assert error == (
            "Erreur : 3 règles sur 6 respectées : utilisez 8 à 24 caractères, ajoutez un chiffre "
            "et ajoutez une majuscule."
        )
        assert "POST /journey/choose_password" not in backend.requests
        assert app.focused is app.screen.query_one("#password")
        # The field has the focus back, its text selected.
        await settling.press(pilot, "end", *"2024K")
        assert not app.screen.query_one("#error-password").display  # cleared as it is corrected
        await press(pilot, "#validate")
        assert "saisissez deux fois le même mot de passe" in text_of(
            app.screen.query_one("#error-confirmation")
        )
        assert "POST /journey/choose_password" not in backend.requests


async def test_show_hide_and_inputs_forgotten_after_success(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CHOOSE_PASSWORD) as (app, _, pilot):
        fields = [app.screen.query_one(f"#{name}", Input) for name in ("password", "confirmation")]
        assert all(field.password for field in fields)
        await press(pilot, "#toggle-password")
        assert not fields[0].password
        assert str(app.screen.query_one("#toggle-password", Button).label) == "Masquer"
        assert fields[1].password
        await type_keys(pilot, "#password", NEW_PASSWORD)
        await type_keys(pilot, "#confirmation", NEW_PASSWORD)
        await press(pilot, "#validate")
        assert app.journey.step.step == StepName.CONFIRM_CONTACT
        assert [field.value for field in fields] == ["", ""]


async def test_the_servers_refusal_shows_beside_the_field(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CHOOSE_PASSWORD) as (app, _, pilot):
        # A client with looser rules than the server: the server has the last word.
        loose = PasswordPolicy(min_length=1, require_digit=False, require_upper=False)
        await app.show_step(ChoosePasswordStep(policy=loose))
        await settle(pilot)
        await type_keys(pilot, "#password", "karim")
        await type_keys(pilot, "#confirmation", "karim")
        await press(pilot, "#validate")
        assert isinstance(app.screen, ChoosePasswordScreen)
        error = text_of(app.screen.query_one("#error-password"))
        assert error.startswith("Erreur : Le mot de passe ne respecte pas ces règles")
        assert app.screen.query_one("#password", Input).value == "karim"  # kept


async def test_the_policy_is_the_servers(stub_factory: object) -> None:
    stub = stub_factory(password_min_length=10, password_max_length=20)  # type: ignore[operator]
    async with karim_on(stub, StepName.CHOOSE_PASSWORD, size=(120, 40)) as (app, _, _pilot):
        text = screen_text(app)
        assert "une longueur comprise entre 10 et 20 caractères" in text
        assert "✗ 10 à 20 caractères (non respectée)" in text_of(
            app.screen.query_one(RuleChecklist)
        )
        assert "8 à 24" not in text
        assert app.screen.has_class("-wide")


async def test_quitter_asks_then_logs_out_and_the_step_resumes(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CHOOSE_PASSWORD) as (app, _, pilot):
        await press(pilot, "#quit")
        assert "Voulez-vous vraiment quitter ?" in screen_text(app)
        await press(pilot, "#quit")
        assert isinstance(app.screen, LoginScreen)
        assert not app.backend.has_session  # type: ignore[attr-defined]
        app.screen.query_one("#identifier", Input).value = KARIM_NIR
        app.screen.query_one("#password", Input).value = KARIM_PASSWORD
        await press(pilot, "#login")
        assert isinstance(app.screen, ChoosePasswordScreen)


async def test_account_created_names_the_identifier_to_use(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.ACCOUNT_CREATED) as (app, _, pilot):
        text = screen_text(app)
        assert "Votre espace Mon Compte est créé" in text
        assert "Pour y accéder, utilisez votre numéro de Sécurité sociale." in text
        assert text_of(app.screen.query_one("#identifier")) == "1 83 05 99 999 011 72"
        assert "Un e-mail de confirmation vous a été envoyé" in text
        await app.show_step(AccountCreatedStep(identifier_kind="temporary", identifier="T00000042"))
        await settle(pilot)
        assert "utilisez votre identifiant provisoire :\nT00000042\nNotez-le" in screen_text(app)


async def test_spouse_choice_needs_oui_or_non_and_passer_skips(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.SPOUSE_AUTHORISATION) as (app, backend, pilot):
        text = screen_text(app)
        assert "J'autorise Zohra TADJ à consulter les données du dossier" in text
        for right in ("consulter les droits et paiements", "déclarer des changements"):
            assert right in text
        continuer = app.screen.query_one("#continue", Button)
        assert continuer.disabled
        assert "Choisissez Oui ou Non pour continuer" in text
        app.screen.query_one("#decision").focus()
        await settling.press(pilot, "down", "enter")  # « Non »
        assert app.screen.query_one("#refuse", ChoiceButton).value
        assert not app.screen.query_one("#authorise", ChoiceButton).value
        assert not continuer.disabled
        await press(pilot, "#skip")
        assert backend.requests[-2:] == [
            "POST /journey/spouse_authorisation",
            "GET /account/dashboard",
        ]
        assert app.journey.step.step == StepName.DASHBOARD
    karim = stub.context.store.account_by_nir("183059999901172")
    assert karim is not None and karim.spouse_decision == "skip"
