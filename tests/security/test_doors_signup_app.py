"""« Créer Mon Compte » in the app: the code step of a sign-up shows the masked contact on file,
and its « Modifier mes coordonnées » leaves the sign-up for the login (no contact to change
before the proof)."""

from __future__ import annotations

from caf_stub import RunningStub
from caf_tui.screens.login import LoginScreen
from caf_tui.screens.verify_code import VerifyCodeScreen
from tests.account.test_signup_tui import LUCAS, LUCAS_NIR, fill
from tests.tui.drive import screen_text
from tests.tui.migration import make_app, press


async def test_the_sign_up_code_goes_to_the_holder_and_can_be_left(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "#create-account")
        await fill(pilot, {**LUCAS, "nir": LUCAS_NIR})
        await press(pilot, "#validate")
        assert isinstance(app.screen, VerifyCodeScreen)
        text = screen_text(app)
        assert "06 •• •• •• 00" in text and "rue des Lilas" not in text
        await press(pilot, "#change-contact")
        assert isinstance(app.screen, LoginScreen)
