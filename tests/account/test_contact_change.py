"""« Modifier mes coordonnées de contact »: nothing changes until the code sent to the new
phone or e-mail comes back. Against the stub's API, then through the app."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from caf_stub import RunningStub
from caf_stub.personas import PAUL
from caf_tui.screens.change_contact import ChangeContactScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from tests.stub.helpers import Portal, error_of
from tests.tui.drive import log_in, screen_text
from tests.tui.migration import press, running, type_keys


def sms_to(value: str) -> dict[str, str]:
    return {"channel": "sms", "value": value, "current_password": PAUL.password or ""}


def test_new_phone_is_saved_only_after_its_code(portal: Callable[[], Portal]) -> None:
    paul = portal()
    paul.login_as(PAUL)
    bad = paul.post("/account/contact", sms_to("01 23 45"))
    assert (error_of(bad)["code"], error_of(bad)["field"]) == ("invalid_phone", "phone")
    same = paul.post("/account/contact", sms_to("06 15 00 00 03"))
    assert error_of(same)["field"] == "phone"
    started = paul.ok("POST", "/account/contact", sms_to("07 81 23 45 67"))
    assert started["destination"] == "07 81 23 45 67"
    assert paul.outbox()[0]["to"] == "+33781234567"  # the code goes to the NEW number
    assert paul.ok("GET", "/account/profile")["phone"] == "06 15 00 00 03"  # not yet
    wrong = error_of(paul.post("/account/contact/verify", {"code": "000000"}))
    assert (wrong["code"], wrong["attempts_left"]) == ("otp_invalid", 4)
    profile = paul.ok("POST", "/account/contact/verify", {"code": "123456"})
    assert profile["phone"] == "07 81 23 45 67"
    again = error_of(paul.post("/account/contact/verify", {"code": "123456"}))
    assert again["code"] == "step_mismatch"


async def test_paul_changes_his_email_in_the_app(stub: RunningStub) -> None:
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")
        await press(pilot, "#section-manage_account")
        await press(pilot, "#change-contact")
        assert isinstance(app.screen, ChangeContactScreen)
        await type_keys(pilot, "#email", "paul.leroy@nouveau.fr")
        await press(pilot, "#save")
        # The password first: the new address typed stays while it is asked.
        assert "Saisissez votre mot de passe actuel." in screen_text(app)
        assert app.focused is app.screen.query_one("#current_password")
        await type_keys(pilot, "#current_password", "Mauvais1")
        await press(pilot, "#save")
        assert "Mot de passe actuel incorrect" in screen_text(app)
        assert app.screen.query_one("#email", Input).value == "paul.leroy@nouveau.fr"
        app.screen.query_one("#current_password", Input).value = ""
        await type_keys(pilot, "#current_password", "Leroy1978")
        await press(pilot, "#save")
        assert "envoyé par e-mail à paul.leroy@nouveau.fr" in screen_text(app)
        await type_keys(pilot, "#code", "123456")
        await press(pilot, "#validate-code")
        assert isinstance(app.screen, ManageAccountScreen)
        assert "Adresse e-mail : paul.leroy@nouveau.fr" in screen_text(app)
