"""Ctrl+Q in the page asks for the staff PIN; a wrong one keeps the kiosk, the right one ends
it and the page says so."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import STAFF_PIN, Served
from tests.browser.counter import WELCOME, open_counter, rows, screen, wait_for

pytestmark = pytest.mark.browser


def test_ctrl_q_asks_the_staff_pin_and_a_wrong_one_keeps_the_kiosk(
    browser_context: Any, served: Served
) -> None:
    served.wait_for_app_count(0)
    page = open_counter(browser_context, served)
    try:
        (kiosk,) = served.app_pids()
        page.keyboard.press("Control+q")
        wait_for(page, "SORTIE RÉSERVÉE AU PERSONNEL")
        wait_for(page, "Code du personnel")
        page.keyboard.type("000000")
        page.keyboard.press("Enter")
        wait_for(page, "Code incorrect : l'application reste ouverte.")
        # A PIN field shows no digit, to the eye or to a screen reader.
        assert "000000" not in screen(page).inner_text() + rows(page).inner_text()
        page.keyboard.press("Escape")
        expect(screen(page)).not_to_contain_text("Code du personnel")
        wait_for(page, WELCOME)
        assert served.app_pids() == {kiosk}  # the same kiosk, still running

        page.keyboard.press("Control+q")
        wait_for(page, "Code du personnel")
        page.keyboard.type(STAFF_PIN)
        page.keyboard.press("Enter")
        served.wait_for_app_count(0)  # the right PIN ends the kiosk's process
        # The socket closes cleanly once the process is gone: the page says the visit ended,
        # not that the connection was lost.
        expect(page.locator("#notice-text")).to_have_text(
            "Session terminée.",
            timeout=30_000,
        )
        expect(page.locator("#notice-button")).to_be_focused()
    finally:
        page.close()
