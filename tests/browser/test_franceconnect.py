"""FranceConnect from the served counter: the app shows its link, Chromium opens it, the person
picks « Démonstration eIDAS faible », signs in test / 123 and consents, and the served app goes
on through the journey the server gives Angela (« votre connexion change », the terms, a new
password, her contact, the code sent by SMS) to her dashboard, by keyboard in the page."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Served
from tests.browser.counter import (
    click_on_screen,
    open_counter,
    row_below,
    screen,
    tab_on_row,
    wait_for,
    wait_for_focus_below,
    wait_for_focused_button,
    wait_for_focused_field,
)

pytestmark = pytest.mark.browser

ANGELA_PHONE = "+33615000005"
NEW_PASSWORD = "Angela2024"


def code_sent_to_angela(stub_url: str) -> str:
    """The code of the SMS the served stub sent Angela, read from its outbox over HTTP."""
    answer = httpx.get(
        stub_url + "/_stub/outbox/next", params={"to": ANGELA_PHONE, "timeout": 10}, timeout=15
    )
    assert answer.status_code == 200, answer.text
    code = answer.json()["code"]
    assert isinstance(code, str) and code.isdigit(), answer.text
    return code


def through_angelas_journey(counter: Page, stub_url: str) -> None:
    """From « votre connexion change » to « votre espace est créé », keys only, waiting each
    time for the focus a person would wait for before the next key."""
    wait_for_focused_button(counter, "Commencer")
    counter.keyboard.press("Enter")
    wait_for(counter, "Étape 1/3 · CONDITIONS GÉNÉRALES D'UTILISATION")
    counter.keyboard.press("Tab")  # from the text to the box: the text's frame loses the focus
    wait_for(counter, "╭─ Conditions générales")
    counter.keyboard.press("Space")
    wait_for(counter, "[✓]  J'ai pris connaissance")
    expect(screen(counter)).not_to_contain_text("Cochez la case ci-dessus")
    tab_on_row(counter, "Continuer")  # « Quitter »
    tab_on_row(counter, "Continuer")
    counter.keyboard.press("Enter")

    wait_for(counter, "Étape 2/3 · CHOISIR SON MOT DE PASSE")
    wait_for_focused_field(counter, "Nouveau mot de passe")
    counter.keyboard.type(NEW_PASSWORD)
    wait_for(counter, "✓ 1 lettre majuscule (respectée)")
    unfocused = row_below(counter, "Confirmation mot de passe").inner_html()
    counter.keyboard.press("Enter")  # on to the confirmation
    wait_for_focus_below(counter, "Confirmation mot de passe", unfocused)
    counter.keyboard.type(NEW_PASSWORD)
    wait_for(counter, "✓ les deux saisies sont identiques")
    counter.keyboard.press("Enter")

    wait_for(counter, "Étape 3/3 · VÉRIFICATION DE MES COORDONNÉES DE CONTACT")
    wait_for(counter, "(•)  Par SMS au 06 15 00 00 05")
    tab_on_row(counter, "Valider")  # « Quitter »
    tab_on_row(counter, "Valider")
    counter.keyboard.press("Enter")

    wait_for_focused_field(counter, "Code de vérification reçu par SMS")
    code = code_sent_to_angela(stub_url)
    counter.keyboard.type(code)
    wait_for(counter, code)
    counter.keyboard.press("Enter")
    wait_for(counter, "Votre espace Mon Compte est créé")


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

        # Back at the counter, as a person clicks into its window again.
        counter.bring_to_front()
        counter.locator(".xterm-helper-textarea").focus()
        # The counter, polling the portal, goes on to the journey her account is given.
        wait_for(counter, 'VOTRE CONNEXION À "MON COMPTE" CHANGE', timeout=40_000)
        assert "Ouvrez ce lien" not in screen(counter).inner_text()

        link_to = urlsplit(link.group(0))
        through_angelas_journey(counter, f"{link_to.scheme}://{link_to.netloc}")
        wait_for_focused_button(counter, "Continuer")
        counter.keyboard.press("Enter")
        # Her dashboard, as the page shows it to a screen reader.
        wait_for(counter, "Bonjour Angela Claire Louise DUBOIS")
        # French typography puts a no-break space before « : » and « € ».
        shown = re.sub(r"[\u00a0\u202f]", " ", screen(counter).inner_text())
        assert "MON COMPTE" in shown and "Numéro allocataire : 2248105" in shown, shown
        assert "Aide personnalisée au logement : 198,40 €" in shown, shown
    finally:
        browser_page.close()
        counter.close()
