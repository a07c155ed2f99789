"""Assisted mode: a note for staff on every step, stable names for steps and errors, and the
hand-over view (F2) that hides every secret field."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Input

from caf_stub import RunningStub
from caf_tui import assist
from caf_tui.api import ErrorCode, Progress, StepName
from caf_tui.app import CafApp
from caf_tui.backend.http import HttpBackend
from caf_tui.config import Settings
from caf_tui.steps import spec_for
from caf_tui.widgets.assist_bar import AssistBar
from tests.tui.drive import log_in, screen_text, settle
from tests.tui.migration import karim_to, press, type_keys


@pytest.fixture
def assisted(stub: RunningStub) -> Callable[..., CafApp]:
    def make(**overrides: object) -> CafApp:
        values = {"assist": True, "remember": False, "cursor_blink": False, **overrides}
        return CafApp(Settings.model_validate(values), backend=HttpBackend(stub.url))

    return make


def test_every_error_code_has_a_stable_name() -> None:
    names = {assist.error_label(code) for code in ErrorCode}
    assert len(names) == len(ErrorCode)
    assert assist.error_label(ErrorCode.OTP_EXPIRED) == "E-OTP-EXPIRED"
    assert assist.where_label("verify_code", Progress(current=3, total=7), "otp_expired") == (
        "Étape 3/7 · verify_code · E-OTP-EXPIRED"
    )
    assert assist.where_label("dashboard", None, None) == "dashboard"


def test_every_step_has_its_own_note() -> None:
    missing = [step for step in StepName if spec_for(step) is None]
    assert missing == []
    assert assist.note_for("no_such_step") == assist.FALLBACK_NOTE


async def test_login_shows_the_note_and_names_the_error(assisted: Callable[..., CafApp]) -> None:
    app = assisted()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Pour l'agent : À portée de main : la carte Vitale" in text
        bar = app.screen.query_one(AssistBar)
        assert str(bar.query_one("#assist-where").render()) == "login"
        await log_in(pilot, "1 78 02 99 999 015 71", "Wrong1234")
        assert "login · E-INVALID-CREDENTIALS" in screen_text(app)
        await log_in(pilot, "1 78 02 99 999 015 71", "Leroy1978")
        text = screen_text(app)
        assert "dashboard" in text and "Terminer" in text and "E-INVALID" not in text


async def test_the_code_screen_names_its_step_and_error(assisted: Callable[..., CafApp]) -> None:
    app = assisted()
    async with app.run_test(size=(100, 40)) as pilot:
        await karim_to(pilot, StepName.VERIFY_CODE)
        assert "verify_code" in screen_text(app)
        await type_keys(pilot, "#code", "000000")
        await press(pilot, "#validate")
        where = str(app.screen.query_one("#assist-where").render())
        assert where.endswith("verify_code · E-OTP-INVALID"), where
        assert where.startswith("Étape ")


async def test_handover_hides_secrets_and_loses_nothing(assisted: Callable[..., CafApp]) -> None:
    app = assisted()
    async with app.run_test(size=(100, 40)) as pilot:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await type_keys(pilot, "#password", "Karim2024")
        await press(pilot, "#toggle-password")  # « Afficher »: the password in clear
        assert "Karim2024" in app.export_screenshot()

        await pilot.press("f2")
        await settle(pilot)
        picture = app.export_screenshot()
        assert "Karim2024" not in picture and "•••" not in picture
        assert "VUE DE REMISE" in screen_text(app)
        for field_id in ("#password", "#confirmation"):
            field = app.screen.query_one(field_id, Input)
            assert field.password and not field.visible

        await pilot.press("f2")
        await settle(pilot)
        field = app.screen.query_one("#password", Input)
        assert field.value == "Karim2024" and field.visible and not field.password
        assert "VUE DE REMISE" not in screen_text(app)


async def test_without_assist_nothing_changes(assisted: Callable[..., CafApp]) -> None:
    app = assisted(assist=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.query(AssistBar)
        await pilot.press("f2")
        await settle(pilot)
        assert not app.has_class("-handover")
