"""The served counter in headless Chromium: the page of our own, Paul's visit by keyboard, and
the wipe at its end, read from xterm.js's accessibility tree and the page's DOM.

The tests share one tab and follow one visit (welcome, login, dashboard, wipe), each one
bringing the tab to where it starts when it runs alone (or on another xdist worker)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Served
from tests.browser.counter import (
    WELCOME,
    click_on_screen,
    log_in_paul,
    open_counter,
    rows,
    screen,
    traces_of_paul,
    wait_for,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def counter(browser_context: Any, served: Served) -> Iterator[Page]:
    """One tab for the module's visit: welcome, login, dashboard, then the wipe."""
    page = open_counter(browser_context, served)
    yield page
    page.close()


def test_the_page_is_ours_french_titled_and_reads_the_rows(counter: Page) -> None:
    assert counter.locator("html").get_attribute("lang") == "fr"
    assert counter.title() == "Caf · Mon Compte"
    # screenReaderMode: xterm.js keeps an accessibility tree, one list item per row.
    tree = screen(counter)
    assert tree.get_attribute("role") == "list"
    assert "Bienvenue sur Caf · Mon Compte" in tree.inner_text()
    # The keyboard is in the terminal, and a thick outline says so.
    focused = counter.evaluate_handle("document.activeElement")
    assert focused.evaluate("e => e.classList.contains('xterm-helper-textarea')")
    outline = counter.locator("#terminal").evaluate("e => getComputedStyle(e).outlineColor")
    assert outline == "rgb(255, 221, 0)"


def test_the_login_reads_its_words_in_order(counter: Page) -> None:
    if WELCOME in screen(counter).inner_text():
        counter.keyboard.press("Enter")
    words = [
        "CONNEXION",
        "Numéro de Sécurité sociale",
        "J'ai un identifiant provisoire",
        "Mot de passe",
        "Se connecter",
        "Mot de passe oublié ?",
    ]
    right_column = ("S'identifier avec FranceConnect", "Créer Mon Compte")
    for word in (*words, *right_column):  # the whole screen drawn, not a frame on its way
        wait_for(counter, word)
    # What a screen reader walks through: the accessibility tree, row after row.
    read = screen(counter).aria_snapshot()
    # Each word after the one before it, as the reader goes down the rows.
    position = 0
    for word in words:
        found = read.find(word, position)
        assert found >= 0, f"« {word} » does not follow, in:\n{read[position:]}"
        position = found + len(word)
    for word in right_column:
        assert word in read


def test_paul_logs_in_by_keyboard_and_sees_his_dashboard(counter: Page) -> None:
    log_in_paul(counter)
    dashboard = screen(counter).inner_text()
    assert "MES DERNIERS PAIEMENTS" in dashboard
    assert re.search(r"Allocations familiales : 148,52\s€", dashboard)
    assert "Bonjour Paul LEROY" in rows(counter).inner_text()


def test_the_wipe_leaves_nothing_of_paul(counter: Page, served: Served) -> None:
    """« Terminer » ends the visit by the kiosk's wipe, the one its idle timer starts
    (KioskApp.start_wipe; the timer's part: tests/kiosk/test_wipe.py, with a clock the test
    moves, not a real wait of the idle limit's 30 s floor)."""
    if "Bonjour Paul LEROY" not in screen(counter).inner_text():
        log_in_paul(counter)  # this test ran alone, or on another worker than the login's
    assert traces_of_paul(counter), "the visit under way shows Paul"
    visit_pids = served.app_pids()
    click_on_screen(counter, "Terminer", then=WELCOME)
    assert traces_of_paul(counter) == []
    # The visit's app process is gone: a fresh one serves the next person.
    served.wait_for_app_count(1)
    assert served.app_pids().isdisjoint(visit_pids)


def test_the_browser_made_no_request_outside_loopback(
    counter: Page, browser_context: Any, served: Served
) -> None:
    seen = list(browser_context.requests_seen)
    assert any(url.startswith("ws://127.0.0.1") for url in seen), seen
    assert any(url.endswith("/static/xterm/xterm.js") for url in seen), seen
    outside = [
        url
        for url in seen
        if urlsplit(url).scheme not in ("data", "blob")
        and urlsplit(url).hostname not in ("127.0.0.1", "localhost")
    ]
    assert outside == [], outside
