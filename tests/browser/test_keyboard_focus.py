"""Where the keyboard is in the served counter: Shift+Tab goes back a field of the full-screen
app and the page's focus stays in the terminal; Échap then Shift+Tab leaves the terminal, as
the page says; in the line mode, Tab and Shift+Tab move the page's focus as on any page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Served
from tests.browser.counter import (
    APP_TIMEOUT_MS,
    PAUL_NIR,
    open_counter,
    row_below,
    screen,
    wait_for,
    wait_for_focus_below,
    wait_for_focused_field,
)

pytestmark = pytest.mark.browser

NIR_LABEL = "Numéro de Sécurité sociale"
HELP_WORDS = "figure sur votre carte Vitale"  # the NIR field's help (F1)
IN_THE_TERMINAL = "document.activeElement.classList.contains('xterm-helper-textarea')"


def in_the_terminal(page: Page) -> bool:
    return bool(page.evaluate(IN_THE_TERMINAL))


@pytest.fixture
def login(browser_context: Any, served: Served) -> Iterator[Page]:
    """A counter tab at the login, the NIR field focused."""
    served.wait_for_app_count(0)
    page = open_counter(browser_context, served)
    page.keyboard.press("Enter")
    wait_for_focused_field(page, NIR_LABEL)
    yield page
    page.close()
    served.wait_for_app_count(0)


def test_shift_tab_goes_back_a_field_and_the_keyboard_stays_in_the_terminal(
    login: Page,
) -> None:
    unfocused = row_below(login, NIR_LABEL).inner_html()
    login.keyboard.press("Tab")  # « J'ai un identifiant provisoire »
    wait_for_focus_below(login, NIR_LABEL, unfocused)
    login.keyboard.press("Shift+Tab")
    wait_for_focused_field(login, NIR_LABEL)
    assert in_the_terminal(login)
    login.keyboard.type("1 83 05")  # typed where the person sees the cursor
    wait_for(login, "1 83 05")


def test_escape_then_shift_tab_leaves_the_terminal_as_the_page_says(login: Page) -> None:
    hint = login.locator("#leave-hint")
    expect(hint).to_have_text("Pour quitter l'écran de la borne au clavier : Échap, puis Maj+Tab.")
    # A screen reader says it with the terminal's own name, where the keyboard is.
    assert login.evaluate("document.activeElement.getAttribute('aria-describedby')") == (
        "leave-hint"
    )
    # Échap still reaches the app: here it closes the field's help, once the Shift+Tab that
    # follows has taken the page's focus to the link (the app does not hear that one).
    login.keyboard.press("F1")
    wait_for(login, HELP_WORDS)
    login.keyboard.press("Escape")
    login.keyboard.press("Shift+Tab")
    expect(login.get_by_role("link").first).to_be_focused()
    expect(screen(login)).not_to_contain_text(HELP_WORDS, timeout=APP_TIMEOUT_MS)
    # Tab comes back into the terminal, to the field the app kept: it heard no Shift+Tab.
    login.keyboard.press("Tab")
    assert in_the_terminal(login)
    login.keyboard.type("1 83 05")
    wait_for(login, "1 83 05")


def test_in_the_line_mode_tab_and_shift_tab_move_the_page_s_focus_and_type_nothing(
    browser_context: Any, served: Served
) -> None:
    served.wait_for_app_count(0)
    page: Page = browser_context.new_page()
    try:
        page.goto(served.url + "/?mode=ligne")
        wait_for(page, "Appuyez sur Entrée pour commencer :")
        expect(page.locator("#leave-hint")).to_have_text(
            "Pour quitter l'écran de la borne au clavier : Maj+Tab."
        )
        page.keyboard.press("Enter")
        wait_for(page, "Votre choix (1 à 5) :")
        page.keyboard.press("Tab")
        assert not in_the_terminal(page)
        page.keyboard.press("Shift+Tab")  # back to the last control of the page
        assert in_the_terminal(page)
        page.keyboard.type("1\n")
        wait_for(page, "Numéro de Sécurité sociale (13 chiffres")
        page.keyboard.press("Shift+Tab")
        expect(page.get_by_role("link").first).to_be_focused()
        page.keyboard.press("Tab")
        assert in_the_terminal(page)
        # Nothing of the two keys went into the answer: the NIR is taken as typed.
        page.keyboard.type(PAUL_NIR + "\n")
        wait_for(page, "Mot de passe (rien ne s'affiche pendant la saisie)")
    finally:
        page.close()
        served.wait_for_app_count(0)
