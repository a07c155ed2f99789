"""FranceConnect from the served counter: the app shows its link, Chromium opens it, the person
picks « Démonstration eIDAS faible », signs in test / 123 and consents, and the served app goes
on to Angela's screens (her account begins with « votre connexion change »)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Served
from tests.browser.counter import open_counter, rows, screen, wait_for

pytestmark = pytest.mark.browser


def click_on_screen(page: Page, text: str, then: str) -> None:
    """A mouse click on the words as drawn in the terminal (xterm.js sends it to the app), until
    ``then`` shows: a click that lands while the screen is still being laid out is lost, and a
    person would click again."""
    for _ in range(3):
        box = rows(page).get_by_text(text).first.bounding_box()
        assert box is not None, text
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            wait_for(page, then, timeout=5_000)
            return
        except AssertionError:
            continue
    wait_for(page, then)


def test_franceconnect_in_chromium_leads_the_counter_to_angela(
    browser_context: Any, served: Served
) -> None:
    served.wait_for_app_count(0)
    counter = open_counter(browser_context, served)
    browser_page = browser_context.new_page()
    try:
        counter.keyboard.press("Enter")
        wait_for(counter, "S'identifier avec FranceConnect")
        click_on_screen(counter, "S'identifier avec FranceConnect", then="Dans un navigateur")
        click_on_screen(counter, "Dans un navigateur", then="Ouvrez ce lien dans un navigateur")
        link = re.search(r"http://127\.0\.0\.1:\d+/\S+", screen(counter).inner_text())
        assert link, screen(counter).inner_text()

        browser_page.goto(link.group(0))
        browser_page.get_by_role("link", name="Démonstration eIDAS faible").click()
        browser_page.get_by_label("Identifiant").fill("test")
        browser_page.get_by_label("Mot de passe").fill("123")
        browser_page.get_by_role("button").first.click()
        # FranceConnect asks to pass on Angela's identity to the portal.
        expect(browser_page.locator("body")).to_contain_text("Angela")
        expect(browser_page.locator("body")).to_contain_text("DUBOIS")
        browser_page.get_by_role(
            "button", name="Continuer sur le portail des Allocations Familiales"
        ).click()

        # The counter, polling the portal, goes on to the journey her account is given.
        wait_for(counter, 'VOTRE CONNEXION À "MON COMPTE" CHANGE', timeout=40_000)
        assert "Ouvrez ce lien" not in screen(counter).inner_text()
    finally:
        browser_page.close()
        counter.close()
