"""The line mode served in the browser (``?mode=ligne``, or every visit with ``serve --plain``):
what a screen reader announces is each new line once, not the whole screen again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Served
from tests.browser.counter import PAUL_NIR, PAUL_PASSWORD, screen, wait_for

pytestmark = pytest.mark.browser


def live_region(page: Page) -> Any:
    """What xterm.js hands the screen reader to say as it arrives (its aria-live region)."""
    return page.locator(".xterm [aria-live]")


@pytest.fixture
def line_page(browser_context: Any, served: Served) -> Iterator[Page]:
    served.wait_for_app_count(0)
    page: Page = browser_context.new_page()
    page.goto(served.url + "/?mode=ligne")
    wait_for(page, "Appuyez sur Entrée pour commencer :")
    yield page
    page.close()
    served.wait_for_app_count(0)


def test_the_full_screen_page_offers_the_line_mode_first(
    browser_context: Any, served: Served
) -> None:
    page: Page = browser_context.new_page()
    try:
        page.goto(served.url + "/")
        # First in the page's reading order, before the terminal.
        first_link = page.get_by_role("link").first
        expect(first_link).to_have_text("Lecteur d'écran ou plage braille : version ligne à ligne")
        first_link.click()
        wait_for(page, "mode ligne à ligne")
        expect(page.get_by_role("link").first).to_have_text("Version plein écran")
    finally:
        page.close()


def test_paul_logs_in_by_the_line_mode_and_each_answer_is_announced_alone(
    line_page: Page,
) -> None:
    page = line_page
    page.keyboard.press("Enter")
    wait_for(page, "Votre choix (1 à 5) :")
    announced = live_region(page).inner_text()
    assert "1. Se connecter avec mon numéro de Sécurité sociale" in announced
    assert "Bienvenue" not in announced  # the welcome was said before: not again

    page.keyboard.type("1\n")
    wait_for(page, "Numéro de Sécurité sociale (13 chiffres")
    page.keyboard.type(PAUL_NIR + "\n")
    # The line mode sees a terminal (its pty): it says the password will not show. Typed only
    # once asked: switching echo off drops what was typed ahead.
    wait_for(page, "Mot de passe (rien ne s'affiche pendant la saisie)")
    page.keyboard.type(PAUL_PASSWORD + "\n")
    wait_for(page, "Paul LEROY")
    # The password is read without echo: not on the screen, not in the page.
    assert PAUL_PASSWORD not in page.content()
    assert PAUL_PASSWORD not in screen(page).inner_text()
