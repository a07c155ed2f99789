"""The contact check and the verification code, against the real stub; the app's clock and
the stub's stand still together, so the countdowns read known values."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.replay import settle as settling
from caf_tui.screens.confirm_contact import ConfirmContactScreen
from caf_tui.screens.demo_outbox import DemoOutboxScreen
from caf_tui.screens.verify_code import VerifyCodeScreen
from caf_tui.widgets.countdown import Countdown
from tests.conftest import STUB_START
from tests.tui.drive import screen_text, settle
from tests.tui.migration import CODE, Clocks, karim_on, press, text_of, type_keys


def countdowns(screen: VerifyCodeScreen) -> tuple[str, str]:
    code, resend = (
        screen.query_one("#code-countdown", Countdown),
        screen.query_one("#resend-cooldown", Countdown),
    )
    code.tick()
    resend.tick()
    return text_of(code), text_of(resend)


async def test_an_invalid_phone_is_refused_here_and_kept(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CONFIRM_CONTACT) as (app, backend, pilot):
        text = screen_text(app)
        assert "Téléphone portable : 06 15 00 00 00" in text
        assert "Pensez à vérifier vos coordonnées de contact" in text
        assert not app.screen.query_one("#contact-edit").display
        await press(pilot, "#edit")
        assert app.focused is app.screen.query_one("#phone")
        phone = app.screen.query_one("#phone", Input)
        phone.value = ""
        await type_keys(pilot, "#phone", "01 23 45")
        await settling.press(pilot, "enter")
        assert phone.value == "01 23 45"
        error = text_of(app.screen.query_one("#error-phone"))
        assert error.startswith("Erreur : Saisissez un numéro de portable")
        assert not any(request.startswith("PUT") for request in backend.requests)
        await type_keys(pilot, "#phone", "")  # typing again clears the error
        await settling.press(pilot, "end", "6")
        assert not app.screen.query_one("#error-phone").display


async def test_corrected_contact_details_are_saved(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.CONFIRM_CONTACT) as (app, backend, pilot):
        await press(pilot, "#edit")
        app.screen.query_one("#phone", Input).value = "07 81 23 45 67"
        await press(pilot, "#validate")  # not saved yet: said so, nothing sent
        assert "Enregistrez ou annulez" in text_of(app.screen.query_one("#error-form"))
        assert "POST /journey/confirm_contact" not in backend.requests
        await press(pilot, "#save")
        assert "PUT /journey/contact" in backend.requests
        assert isinstance(app.screen, ConfirmContactScreen)
        assert "Téléphone portable : 07 81 23 45 67" in screen_text(app)
        assert "Par SMS au 07 81 23 45 67 (code valable 10 minutes)" in screen_text(app)
    karim = stub.context.store.account_by_nir("183059999901172")
    assert karim is not None and karim.phone == "+33781234567"


async def test_by_email_the_code_is_valid_fifteen_minutes(stub: RunningStub) -> None:
    clocks = Clocks(stub)
    async with karim_on(stub, StepName.CONFIRM_CONTACT, clocks=clocks) as (app, _, pilot):
        text = screen_text(app)
        assert "Par e-mail à karim.tadj@example.com (code valable 15 minutes)" in text
        app.screen.query_one("#channel").focus()
        await settling.press(pilot, "down", "enter")
        await press(pilot, "#validate")
        screen = app.screen
        assert isinstance(screen, VerifyCodeScreen)
        text = screen_text(app)
        assert (
            "Nous venons de vous envoyer un code de vérification par e-mail à l'adresse suivante "
            "karim.tadj@example.com. Merci de le saisir"
        ) in text
        assert "Code de vérification reçu par e-mail" in text
        assert countdowns(screen)[0] == "Code valable encore 15 min 00 s"


async def test_the_countdowns_follow_the_clock(stub: RunningStub) -> None:
    clocks = Clocks(stub)
    async with karim_on(stub, StepName.VERIFY_CODE, clocks=clocks) as (app, _, _pilot):
        screen = app.screen
        assert isinstance(screen, VerifyCodeScreen)
        assert "par SMS sur le numéro suivant 06 15 00 00 00. Merci de le saisir" in (
            screen_text(app)
        )
        assert countdowns(screen) == (
            "Code valable encore 10 min 00 s",
            "Vous pourrez demander un nouveau code dans 1 min 00 s",
        )
        clocks.advance(15)
        assert countdowns(screen) == (
            "Code valable encore 9 min 45 s",
            "Vous pourrez demander un nouveau code dans 45 s",
        )
        clocks.advance(60)
        assert countdowns(screen) == (
            "Code valable encore 8 min 45 s",
            "Vous pouvez demander un nouveau code.",
        )


async def test_an_expired_code_points_to_demander(stub: RunningStub) -> None:
    clocks = Clocks(stub)
    async with karim_on(stub, StepName.VERIFY_CODE, clocks=clocks) as (app, backend, pilot):
        screen = app.screen
        assert isinstance(screen, VerifyCodeScreen)
        assert not screen.query_one("#expired-note").display
        clocks.advance(600)
        assert countdowns(screen)[0] == "Code expiré : demandez-en un nouveau."
        await settling.settle(pilot)
        note = screen.query_one("#expired-note")
        assert note.display and "« Demander »" in text_of(note)
        await type_keys(pilot, "#code", CODE)
        await press(pilot, "#validate")
        assert text_of(screen.query_one("#error-code")).startswith("Erreur : Ce code a expiré")
        await press(pilot, "#resend")
        assert backend.requests[-1] == "POST /journey/verify_code/resend"
        fresh = app.screen
        assert isinstance(fresh, VerifyCodeScreen) and fresh is not screen
        assert countdowns(fresh)[0] == "Code valable encore 10 min 00 s"
        await type_keys(pilot, "#code", CODE)
        await press(pilot, "#validate")
        assert app.journey.step.step == StepName.ACCOUNT_CREATED


async def test_code_errors_show_beside_their_field(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.VERIFY_CODE) as (app, backend, pilot):
        code = app.screen.query_one("#code", Input)
        await type_keys(pilot, "#code", "12a3 4-5678")  # only digits get in, six at most
        assert code.value == "123456"
        code.value = "123"
        await press(pilot, "#validate")
        assert "Le code compte 6 chiffres ; vous en avez saisi 3." in text_of(
            app.screen.query_one("#error-code")
        )
        assert "POST /journey/verify_code" not in backend.requests
        code.value = "654321"
        await press(pilot, "#validate")
        error = text_of(app.screen.query_one("#error-code"))
        assert error.startswith("Erreur : Code incorrect") and "Il vous reste 4 essais." in error
        assert app.focused is code and code.selected_text == "654321"
        await press(pilot, "#resend")  # a minute has not passed
        assert "attendez 60 secondes" in text_of(app.screen.query_one("#error-resend"))
        assert "Vous pourrez demander un nouveau code dans" in screen_text(app)


async def test_modifier_goes_back_to_the_contact_details(stub: RunningStub) -> None:
    async with karim_on(stub, StepName.VERIFY_CODE) as (app, backend, pilot):
        await press(pilot, "#change-contact")
        assert backend.requests[-1] == "POST /journey/verify_code/change_contact"
        assert isinstance(app.screen, ConfirmContactScreen)


async def test_demo_messages_newest_first_and_labelled(stub: RunningStub) -> None:
    clocks = Clocks(stub)
    async with karim_on(stub, StepName.VERIFY_CODE, clocks=clocks) as (app, _, pilot):
        clocks.advance(61)
        await press(pilot, "#resend")
        await press(pilot, "#outbox")
        assert isinstance(app.screen, DemoOutboxScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "MESSAGES REÇUS (DÉMO) — simulation : aucun SMS ni e-mail réel n'est envoyé" in text
        messages = [text_of(m) for m in app.screen.query(".outbox-message")]
        assert len(messages) == 2
        sent = [STUB_START + timedelta(seconds=61), STUB_START]  # shown in local time
        for message, when in zip(messages, sent, strict=True):
            local = f"{when.astimezone():%d/%m/%Y à %H:%M:%S}"
            assert message.startswith(f"SMS à 06 15 00 00 00, le {local}")
        assert CODE in messages[0]
        await settling.press(pilot, "escape")
        assert isinstance(app.screen, VerifyCodeScreen)
