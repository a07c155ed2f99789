"""``--max-sessions 2`` in the browser: a third tab gets the French « all in use » page, a closed
tab gives its place back, and page loads in a row never run more app processes than that."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAX_SESSIONS, Served
from tests.browser.counter import WELCOME, open_counter, open_counters, wait_for

pytestmark = pytest.mark.browser

ALL_IN_USE = "Toutes les sessions sont occupées"


def test_a_third_tab_gets_the_all_in_use_page_until_one_closes(
    browser_context: Any, served: Served
) -> None:
    served.wait_for_app_count(0)
    first, second = open_counters(browser_context, served, MAX_SESSIONS)
    third = browser_context.new_page()
    try:
        response = third.goto(served.url + "/")
        assert response is not None and response.status == 503
        expect(third.get_by_role("heading", level=2)).to_have_text(ALL_IN_USE)
        assert third.locator("html").get_attribute("lang") == "fr"
        expect(third.locator("main")).to_contain_text("la page réessaie d'elle-même")
        assert len(served.app_pids()) == MAX_SESSIONS

        first.close()  # the visitor leaves: the tab's app process ends, its place frees
        wait_for(third, WELCOME)  # the waiting tab gets in on its own
        expect(third.get_by_role("heading", level=2)).to_have_count(0)
        assert len(served.app_pids()) == MAX_SESSIONS
    finally:
        for page in (first, second, third):
            page.close()
    served.wait_for_app_count(0)


#: Each load starts an app process while the last one's is still leaving: a few overlaps are
#: enough to reach the cap (twenty spent some 20 s of app start-ups for no more).
PAGE_LOADS = 6


def test_page_loads_in_a_row_never_run_more_apps_than_the_cap(
    browser_context: Any, served: Served
) -> None:
    served.wait_for_app_count(0)
    most_seen = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal most_seen
        while not done.wait(0.005):
            most_seen = max(most_seen, len(served.app_pids()))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    kept = open_counter(browser_context, served)  # one visit under way all along
    reloaded = browser_context.new_page()
    try:
        for _ in range(PAGE_LOADS):
            reloaded.goto(served.url + "/", wait_until="load")
        # Once the earlier loads' processes are gone, the last load gets its terminal.
        wait_for(reloaded, WELCOME)
    finally:
        done.set()
        watcher.join()
        kept.close()
        reloaded.close()
    assert most_seen == MAX_SESSIONS  # the loop did reach the cap, and the watcher saw it
    served.wait_for_app_count(0)
