"""« Mot de passe oublié ? » through the app, against the real stub."""

from __future__ import annotations

import httpx

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.screens.forgot_password import ForgotPasswordScreen
from caf_tui.screens.login import LoginScreen
from caf_tui.screens.recovery_code import RecoveryCodeScreen
from caf_tui.screens.recovery_password import RecoveryPasswordScreen
from caf_tui.screens.registry import screen_class
from caf_tui.widgets.countdown import code_expired_text
from tests.tui.drive import log_in, screen_text, settle, type_into
from tests.tui.migration import make_app, press, running, type_keys

CLAIRE = "2 92 01 99 999 014 96"
UNKNOWN = "1 99 01 99 999 099 09"


async def _ask_code(pilot: object, identifier: str) -> str:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await type_into(pilot, "#identifier", identifier)
    await press(pilot, "#forgot")
    assert isinstance(pilot.app.screen, ForgotPasswordScreen)
    assert pilot.app.screen.query_one("#identifier").value == identifier  # type: ignore[attr-defined]
    await press(pilot, "#validate")
    assert isinstance(pilot.app.screen, RecoveryCodeScreen)
    return str(pilot.app.screen.query_one("#sent-to").render())


async def test_claire_sets_a_new_password_and_logs_in(stub: RunningStub) -> None:
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        sent = await _ask_code(pilot, CLAIRE)
        assert "Si un compte correspond" in sent
        await type_keys(pilot, "#code", "000000")
        await press(pilot, "#validate")
        assert "Erreur : Code incorrect" in screen_text(app)
        assert "Il vous reste 4 essais." in screen_text(app)
        await type_keys(pilot, "#code", "123456")
        await press(pilot, "#validate")
        assert isinstance(app.screen, RecoveryPasswordScreen)
        assert "mot de passe à 8 chiffres" in screen_text(app)
        await type_keys(pilot, "#password", "Claire2026")
        await type_keys(pilot, "#confirmation", "Claire2027")
        await press(pilot, "#validate")
        assert isinstance(app.screen, RecoveryPasswordScreen)
        assert "Erreur" in screen_text(app)
        await type_keys(pilot, "#confirmation", "Claire2026")
        await press(pilot, "#validate")
        assert isinstance(app.screen, LoginScreen)
        assert "Votre mot de passe a été modifié" in screen_text(app)
        await log_in(pilot, CLAIRE, "Claire2026")
        assert isinstance(app.screen, screen_class(StepName.MIGRATION_INTRO))


async def test_unknown_identifier_sees_exactly_the_same(stub: RunningStub) -> None:
    texts = []
    for identifier in (CLAIRE, UNKNOWN):
        app, _ = make_app(stub)
        async with app.run_test(size=(100, 40)) as pilot:
            texts.append(await _ask_code(pilot, identifier))
            await type_keys(pilot, "#code", "123456" if identifier == UNKNOWN else "999999")
            await press(pilot, "#validate")
            texts.append(str(app.screen.query_one("#error-code").render()))
            await settle(pilot)
    assert texts[0] == texts[2]
    assert texts[1] == texts[3]
    assert "Code incorrect" in texts[1]


async def test_an_expired_code_shows_expired_not_time_left(stub: RunningStub) -> None:
    """The server's clock moved on (10 minutes) with no answer to tell the app: when the code
    is refused as expired, the countdown says so at once instead of counting on."""
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        await _ask_code(pilot, CLAIRE)
        countdown = app.screen.query_one("#code-countdown")
        assert "Code valable encore" in str(countdown.render())
        httpx.post(stub.url + "/_stub/clock", json={"advance_seconds": 600}).raise_for_status()
        await type_keys(pilot, "#code", "123456")
        await press(pilot, "#validate")
        assert isinstance(app.screen, RecoveryCodeScreen)
        assert str(countdown.render()) == code_expired_text()
