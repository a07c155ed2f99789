"""The spouse's rights one by one through the app (issue 18 point 4): Karim ticks « déclarer des
changements » alone in « Gérer Mon Compte » (keyboard only); the server then lets Zohra declare a
move and refuses her the benefit request — called directly, not only through the screens. Lucas
sees the sections, and the server's words saying who may."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.widgets import Checkbox

from caf_stub import RunningStub
from caf_stub.personas import ZOHRA
from caf_tui.api import StepName
from caf_tui.screens.file_rights import DeclareChangeScreen, RequestBenefitScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from tests.account.test_signup_api import LUCAS, PASSWORD
from tests.rights.conftest import MOVE
from tests.stub.helpers import Portal, error_of
from tests.tui.drive import log_in, screen_text, settle
from tests.tui.keyboard import enter, tab_to
from tests.tui.migration import karim_to, make_app, press

TICKS = ("consult_rights_payments", "declare_changes", "request_benefit")
BENEFIT = {"answers": {"school_children": "2", "household_income": "21000"}}


def ticked(app: App[None]) -> dict[str, bool]:
    screen = app.screen
    return {right: screen.query_one(f"#right-{right}", Checkbox).value for right in TICKS}


async def test_karim_grants_one_right_and_the_server_holds_zohra_to_it(
    stub: RunningStub, portal: Callable[[], Portal]
) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(80, 24)) as pilot:
        await karim_to(pilot, StepName.DASHBOARD)  # Karim skipped the authorisation
        await tab_to(pilot, "#section-manage_account")
        await enter(pilot)
        assert isinstance(app.screen, ManageAccountScreen)
        assert "Droits de Zohra TADJ, un par un :" in screen_text(app)
        assert ticked(app) == dict.fromkeys(TICKS, False)
        await tab_to(pilot, "#right-declare_changes")
        await pilot.press("space")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#right-declare_changes")  # kept, reloaded
        assert ticked(app) == {**dict.fromkeys(TICKS, False), "declare_changes": True}
        assert "Zohra TADJ est autorisé(e) à :" in screen_text(app)

        zohra = portal()
        zohra.login_as(ZOHRA)
        assert zohra.post("/account/declarations/address", MOVE).status_code == 200
        refused = zohra.post("/account/benefits/allocation_rentree_scolaire/requests", BENEFIT)
        assert refused.status_code == 403
        assert "demandez à Karim TADJ de vous accorder ce droit" in error_of(refused)["message"]

        await pilot.press("space")  # withdrawn: the very next request is refused
        await settle(pilot)
        assert ticked(app) == dict.fromkeys(TICKS, False)
        assert zohra.post("/account/declarations/address", MOVE).status_code == 403


async def test_lucas_sees_the_sections_and_who_may_use_them(
    stub: RunningStub, lucas: Portal
) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, LUCAS["nir"], PASSWORD)
        text = screen_text(app)
        assert "Déclarer un changement (non autorisé)" in text
        assert "Faire une demande de prestation (non autorisé)" in text
        await press(pilot, "#section-declare_change")
        assert isinstance(app.screen, DeclareChangeScreen)
        said = screen_text(app)
        assert "Seul(e) le ou la responsable du dossier" in said
        assert "demandez à Karim TADJ, responsable du dossier" in said
        assert "#declare-address" not in [f"#{w.id}" for w in app.screen.query("Button")]
        await pilot.press("escape")
        await settle(pilot)
        await press(pilot, "#section-request_benefit")
        assert isinstance(app.screen, RequestBenefitScreen)
        assert "peut faire une demande de prestation sur ce dossier" in screen_text(app)
