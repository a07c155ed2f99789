"""« Créer Mon Compte » through the app, against the real stub: the server then directs the
journey's own screens (terms, password, contact, code, account created)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, RadioButton

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.confirm_contact import ConfirmContactScreen
from caf_tui.screens.create_account import CreateAccountScreen
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.registry import screen_class
from tests.tui.drive import log_in, screen_text
from tests.tui.migration import NEW_PASSWORD, answer_on_screen, press, running, type_keys

LUCAS = {
    "numero_allocataire": "4821573",
    "postal_code": "93200",
    "family_name": "TADJ",
    "given_names": "Lucas",
    "birth_date": "22/05/2010",
}
LUCAS_NIR = "1 10 05 99 999 013 58"


async def fill(pilot: Pilot[None], values: dict[str, str]) -> None:
    for field_id, text in values.items():
        pilot.app.screen.query_one(f"#{field_id}", Input).value = text
    await settling.settle(pilot)


async def contact_then_code(pilot: Pilot[None], email: str) -> None:
    """The contact step of someone with nothing on file: type it, save, choose e-mail, code."""
    assert isinstance(pilot.app.screen, ConfirmContactScreen)
    await press(pilot, "#edit")
    await type_keys(pilot, "#email", email)
    await press(pilot, "#save")
    pilot.app.screen.query_one("#channel-email", RadioButton).value = True
    await settling.settle(pilot)
    await press(pilot, "#validate")
    await answer_on_screen(pilot, StepName.VERIFY_CODE)
    assert isinstance(pilot.app.screen, screen_class(StepName.ACCOUNT_CREATED))


async def test_lucas_creates_his_account_then_sees_only_what_a_member_may(
    stub: RunningStub,
) -> None:
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        await press(pilot, "#create-account")
        assert isinstance(app.screen, CreateAccountScreen)
        await fill(pilot, {**LUCAS, "nir": LUCAS_NIR})
        await press(pilot, "#validate")
        await answer_on_screen(pilot, StepName.VERIFY_CODE)  # the code Karim received
        assert isinstance(app.screen, screen_class(StepName.ACCEPT_TERMS))
        await answer_on_screen(pilot, StepName.ACCEPT_TERMS)
        await answer_on_screen(pilot, StepName.CHOOSE_PASSWORD)
        await contact_then_code(pilot, "lucas.tadj@example.com")
        assert LUCAS_NIR in screen_text(app)
        await answer_on_screen(pilot, StepName.ACCOUNT_CREATED)
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "Membre du foyer" in text
        assert "Mes droits et paiements (non autorisé)" in text  # offered, to say who may
        assert "Mes attestations (non autorisé)" not in text
        assert "MES DERNIERS PAIEMENTS" not in text
        await press(pilot, "#section-attestations")
        assert "Attestation de paiement" not in screen_text(app)


async def test_no_nir_gets_a_temporary_identifier_and_logs_in_with_it(
    stub: RunningStub,
) -> None:
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        await press(pilot, "#create-account")
        await press(pilot, "#no-nir")
        assert not app.screen.query_one("#nir").display
        assert "Un identifiant provisoire vous sera alors attribué" in screen_text(app)
        await fill(
            pilot,
            {
                "numero_allocataire": "3307462",
                "postal_code": "31000",
                "family_name": "Leroy",
                "given_names": "Inès",
                "birth_date": "02/09/2004",
            },
        )
        await press(pilot, "#validate")
        assert "Choisissez « Madame » ou « Monsieur »" in screen_text(app)
        app.screen.query_one("#gender-F", RadioButton).value = True
        await press(pilot, "#validate")
        await answer_on_screen(pilot, StepName.VERIFY_CODE)  # the code Paul received
        await answer_on_screen(pilot, StepName.ACCEPT_TERMS)
        await answer_on_screen(pilot, StepName.CHOOSE_PASSWORD)
        await contact_then_code(pilot, "ines.leroy@example.com")
        identifier = str(app.screen.query_one("#identifier").render()).strip()
        assert identifier.startswith("T") and len(identifier) == 9
        assert "identifiant provisoire" in screen_text(app)
        await answer_on_screen(pilot, StepName.ACCOUNT_CREATED)
        await press(pilot, "#logout")
        await log_in(pilot, identifier, NEW_PASSWORD, temporary=True)
        assert isinstance(app.screen, DashboardScreen)
        assert "Bonjour Inès LEROY" in screen_text(app)


async def test_refusals_name_the_field_and_keep_what_was_typed(stub: RunningStub) -> None:
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        await press(pilot, "#create-account")
        await fill(pilot, {**LUCAS, "birth_date": "22/05/2012", "nir": LUCAS_NIR})
        await press(pilot, "#validate")
        assert "Erreur : Il faut avoir au moins 16 ans" in screen_text(app)
        assert app.screen.query_one("#birth_date", Input).value == "22/05/2012"
        await fill(pilot, {"birth_date": "22/05/2010", "given_names": "Luc"})
        await press(pilot, "#validate")
        assert "aucune personne de ce dossier" in screen_text(app)
        assert app.screen.query_one("#nir", Input).value == LUCAS_NIR
        zohra = {"given_names": "Zohra", "birth_date": "03/07/1985", "nir": "285079999901252"}
        await fill(pilot, zohra)
        await press(pilot, "#validate")
        assert "Vous avez déjà un compte" in screen_text(app)
        assert isinstance(app.screen, CreateAccountScreen)
