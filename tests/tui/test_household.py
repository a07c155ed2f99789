"""The journey's outcomes for the rest of the household, through the app: Claire (single, code by
e-mail) never sees the authorisation screen; Zohra sees the file's payments once Karim agrees."""

from __future__ import annotations

import httpx

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.dashboard import DashboardScreen
from caf_tui.screens.registry import screen_class
from tests.tui.drive import log_in, screen_text, settle
from tests.tui.migration import answer_on_screen, karim_on, press, running, type_keys

CLAIRE_NIR = "2 92 01 99 999 014 96"
ZOHRA_NIR = "2 85 07 99 999 012 52"


async def test_claire_migrates_by_email_and_is_never_asked_about_a_spouse(
    stub: RunningStub,
) -> None:
    httpx.put(stub.url + "/_stub/fixed-code", json={"code": None}).raise_for_status()
    async with running(stub, size=(100, 40)) as (app, _, pilot):
        await log_in(pilot, CLAIRE_NIR, "92014321")
        for step in (StepName.MIGRATION_INTRO, StepName.ACCEPT_TERMS, StepName.CHOOSE_PASSWORD):
            assert app.journey.step.step == step
            await answer_on_screen(pilot, step)
        assert app.journey.step.step == StepName.CONFIRM_CONTACT
        app.screen.query_one("#channel").focus()
        await settling.press(pilot, "down", "enter")
        await press(pilot, "#validate")
        assert app.journey.step.step == StepName.VERIFY_CODE
        assert "claire.moreau@example.com" in screen_text(app)

        # A random code, read from the stub's outbox as the person would read her mailbox.
        messages = httpx.get(stub.url + "/_stub/outbox").json()
        code_mail = next(m for m in messages if m["to"] == "claire.moreau@example.com")
        code = "".join(ch for ch in code_mail["body"] if ch.isdigit())[:6]
        await type_keys(pilot, "#code", code)
        await press(pilot, "#validate")
        assert app.journey.step.step == StepName.ACCOUNT_CREATED
        await press(pilot, "#continue")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert not any(
            isinstance(screen, screen_class(StepName.SPOUSE_AUTHORISATION))
            for screen in app.screen_stack
        )
        assert "Bonjour Claire MOREAU" in screen_text(app)


async def test_zohra_sees_the_payments_once_karim_authorises_her(stub: RunningStub) -> None:
    async with running(stub, size=(100, 40)) as (zohra, _, pilot):
        await log_in(pilot, ZOHRA_NIR, "Zohra2024")
        assert isinstance(zohra.screen, DashboardScreen)
        before = screen_text(zohra)
        assert "Mes droits et paiements (non autorisé)" in before
        assert "MES DERNIERS PAIEMENTS" not in before

    async with karim_on(stub, StepName.SPOUSE_AUTHORISATION, size=(100, 40)) as (karim, _, pilot):
        karim.screen.query_one("#decision").focus()
        await settling.press(pilot, "enter")  # « Oui »
        await press(pilot, "#continue")
        assert isinstance(karim.screen, DashboardScreen)

    async with running(stub, size=(100, 40)) as (again, _, pilot):
        await log_in(pilot, ZOHRA_NIR, "Zohra2024")
        after = screen_text(again)
        assert "(non autorisé)" not in after
        assert "MES DERNIERS PAIEMENTS" in after
