"""The dashboard's sections through the app, against the real stub: each role sees what the
stub allows, and a withdrawal takes effect on the spouse's next request."""

from __future__ import annotations

from collections.abc import Callable

from caf_stub import RunningStub
from caf_stub.personas import PAUL, ZOHRA
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.account_views import AttestationsScreen, PaymentsScreen
from caf_tui.screens.change_password import ChangePasswordScreen
from caf_tui.screens.connections import ConnectionsScreen
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from tests.stub.helpers import Portal, error_of
from tests.tui.drive import log_in, screen_text
from tests.tui.migration import karim_to, make_app, press, type_keys

PAUL_NIR = "1 78 02 99 999 015 71"
ZOHRA_NIR = "2 85 07 99 999 012 52"


async def test_paul_opens_payments_and_attestations(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot, PAUL_NIR, "Leroy1978")
        await press(pilot, "#section-rights_payments")
        assert isinstance(app.screen, PaymentsScreen)
        text = screen_text(app)
        assert "Numéro allocataire : 3307462" in text
        assert "05/11/2026 : Allocations familiales, 148,52 €" in text
        await settling.press(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)
        await press(pilot, "#section-attestations")
        assert isinstance(app.screen, AttestationsScreen)
        assert "Attestation de paiement" in screen_text(app)


async def test_zohra_unauthorised_sees_her_profile_not_payments(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot, ZOHRA_NIR, "Zohra2024")
        assert "Mes droits et paiements (non autorisé)" in screen_text(app)
        await press(pilot, "#section-rights_payments")  # open: the server says who may
        assert "seul(e) le ou la responsable du dossier" in screen_text(app)
        await settling.press(pilot, "escape")
        await press(pilot, "#section-attestations")
        text = screen_text(app)
        assert "Attestation de situation" in text
        assert "Attestation de paiement" not in text
        await settling.press(pilot, "escape")
        await press(pilot, "#section-manage_account")
        assert isinstance(app.screen, ManageAccountScreen)
        text = screen_text(app)
        assert "Prénom(s) : Zohra" in text
        assert "MES AUTORISATIONS" not in text


async def test_withdrawn_while_looking_the_stub_refuses(
    stub: RunningStub, portal: Callable[[], Portal]
) -> None:
    """Zohra's dashboard was loaded while authorised; Karim withdraws; her next request fails
    with the stub's own words, even though the app still offered the button."""
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await karim_to(pilot, StepName.DASHBOARD)  # Karim skips the authorisation
        await press(pilot, "#section-manage_account")
        assert isinstance(app.screen, ManageAccountScreen)
        assert "Zohra TADJ n'est pas autorisé(e)" in screen_text(app)
        await press(pilot, "#grant")
        assert "Zohra TADJ est autorisé(e) à :" in screen_text(app)

        zohra = portal()
        zohra.login_as(ZOHRA)
        assert zohra.get("/account/payments").status_code == 200
        zohra_app, _ = make_app(stub)
        async with zohra_app.run_test(size=(100, 40)) as zohra_pilot:
            await log_in(zohra_pilot, ZOHRA_NIR, "Zohra2024")
            assert not zohra_app.screen.query_one("#section-rights_payments").disabled

            await press(pilot, "#withdraw")  # Karim, in his app
            assert "Zohra TADJ n'est pas autorisé(e)" in screen_text(app)

            response = zohra.get("/account/payments")
            assert response.status_code == 403
            assert error_of(response)["code"] == "forbidden"
            await press(zohra_pilot, "#section-rights_payments")
            text = screen_text(zohra_app)
            assert "Erreur : Vous n'êtes pas autorisé(e) à consulter les droits" in text


async def test_change_password_connections_and_logout_everywhere(
    stub: RunningStub, portal: Callable[[], Portal]
) -> None:
    elsewhere = portal()
    elsewhere.login_as(PAUL)
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot, PAUL_NIR, "Leroy1978")
        await press(pilot, "#section-manage_account")
        await press(pilot, "#connections")
        assert isinstance(app.screen, ConnectionsScreen)
        assert "(cette session)" in screen_text(app)
        assert "toujours ouverte" in screen_text(app)
        await settling.press(pilot, "escape")

        await press(pilot, "#change-password")
        assert isinstance(app.screen, ChangePasswordScreen)
        await type_keys(pilot, "#current_password", "Mauvais1")
        await type_keys(pilot, "#password", "Paul2027")
        await type_keys(pilot, "#confirmation", "Paul2027")
        await press(pilot, "#validate")
        assert "Erreur : Mot de passe actuel incorrect" in screen_text(app)
        assert app.screen.query_one("#password").value == "Paul2027"  # type: ignore[attr-defined]
        assert app.screen.query_one("#current_password").value == "Mauvais1"  # type: ignore[attr-defined]
        app.screen.query_one("#current_password").value = ""  # type: ignore[attr-defined]
        await type_keys(pilot, "#current_password", "Leroy1978")
        await press(pilot, "#validate")
        assert isinstance(app.screen, ManageAccountScreen)
        assert error_of(elsewhere.get("/account/profile"))["code"] == "session_expired"

        await press(pilot, "#logout-everywhere")
        assert isinstance(app.screen, LoginScreen)
        assert "déconnecté(e) de partout" in screen_text(app)
    again = portal()
    again.login(PAUL.identifier, "Paul2027")
