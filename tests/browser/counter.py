"""What a person at the served counter sees, read from the browser: xterm.js's accessibility
tree (the rows as text, what a screen reader reads) and the page's DOM."""

from __future__ import annotations

import re
import time
from typing import Any

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import Served

PAUL_NIR = "1 78 02 99 999 015 71"
PAUL_PASSWORD = "Leroy1978"
WELCOME = "Appuyez sur Entrée pour commencer"
PASSWORD_HINT = "8 à 24 caractères"
#: App start-up and a stub round trip on a loaded 2-core machine.
APP_TIMEOUT_MS = 30_000


def screen(page: Page) -> Locator:
    """xterm.js's accessibility tree: one list item per terminal row, as text."""
    return page.locator(".xterm-accessibility-tree")


def rows(page: Page) -> Locator:
    """xterm.js's drawn rows (its DOM renderer): the terminal's buffer as the eye sees it
    (no scrollback is kept, so the buffer is these rows)."""
    return page.locator(".xterm-rows")


#: Whether the accessibility tree contains the words, their spaces normalised as
#: ``expect(…).to_contain_text`` does.
_CONTAINS_SCRIPT = """([selector, wanted]) => {
  const normal = text => text.replace(/\\u200b/g, '').trim().replace(/\\s+/g, ' ');
  const tree = document.querySelector(selector);
  return tree !== null && normal(tree.textContent).includes(normal(wanted));
}"""
#: How often the page checks: ``expect``'s own retries back off to a second apart, which a
#: test of many steps paid at nearly each one.
_CHECK_EVERY_MS = 50


def wait_for(page: Page, text: str, timeout: float = APP_TIMEOUT_MS) -> None:
    """Until the screen reader's rows show ``text``."""
    try:
        page.wait_for_function(
            _CONTAINS_SCRIPT,
            arg=[".xterm-accessibility-tree", text],
            polling=_CHECK_EVERY_MS,
            timeout=timeout,
        )
    except PlaywrightTimeoutError:
        # Fails saying what the screen shows (or passes, if the words came meanwhile).
        expect(screen(page)).to_contain_text(text, timeout=1)


def _row_showing(page: Page, text: str, below: int = 0) -> Locator:
    """The drawn row that shows ``text`` (or the one ``below`` rows under it)."""
    drawn = rows(page).locator(":scope > div")
    for index in range(drawn.count()):
        if text in drawn.nth(index).inner_text():
            return drawn.nth(index + below)
    raise AssertionError(f"no row shows « {text} »")


def row_below(page: Page, text: str) -> Locator:
    """The drawn row just below the one that shows ``text``."""
    return _row_showing(page, text, below=1)


def _wait_for_row_change(
    page: Page, text: str, before: str, below: int, timeout: float = 15
) -> None:
    deadline = time.monotonic() + timeout
    while _row_showing(page, text, below).inner_html() == before:
        assert time.monotonic() < deadline, f"the focus did not move on the row of « {text} »"
        page.wait_for_timeout(50)


def wait_for_focus_below(page: Page, text: str, before: str, timeout: float = 15) -> None:
    """Until the field under ``text`` is drawn as focused (its frame's row changes from
    ``before``): as a person waits to see the focus on the next field before typing. A loaded
    machine may draw a Tab's new focus after keys typed behind it."""
    _wait_for_row_change(page, text, before, below=1, timeout=timeout)


def tab_on_row(page: Page, text: str) -> None:
    """Tab once and wait until the row that shows ``text`` is drawn anew: the focus moved to
    (or away from) a button on it, as a person watches it move before pressing Entrée."""
    before = _row_showing(page, text).inner_html()
    page.keyboard.press("Tab")
    _wait_for_row_change(page, text, before, below=0)


#: Whether the field under a label, or a button, is drawn focused, read from xterm.js's drawn
#: rows (its DOM renderer draws a row as spans of cells of one style, a character a cell).
_FOCUS_SCRIPT = """([label, kind]) => {
  const rows = [...document.querySelectorAll('.xterm-rows > div')];
  // A button's label sits under its top border (▔), a field's under its label's row.
  const at = rows.findIndex((row, index) => {
    const column = row.textContent.indexOf(label);
    return column >= 0 && (kind !== 'button' ||
      (index > 0 && rows[index - 1].textContent[column] === '▔'));
  });
  if (at < 1) return false;
  const cell = (row, column) => {
    let start = 0;
    for (const span of row.children) {
      start += span.textContent.length;
      if (column < start) return getComputedStyle(span);
    }
    return null;
  };
  const column = rows[at].textContent.indexOf(label);
  const own = cell(rows[at], column);
  if (kind === 'button') {
    // Reverse video swaps a focused button's colours on its label's row only: its border
    // row above keeps the button's background.
    const above = cell(rows[at - 1], column);
    return own !== null && above !== null && own.backgroundColor !== above.backgroundColor;
  }
  // A focused field draws its cursor as a block in the text's colour, the label's ink.
  return rows.slice(at + 1, at + 4).some(row =>
    [...row.children].some(span => getComputedStyle(span).backgroundColor === own.color));
}"""


def wait_for_focused_field(page: Page, label: str, timeout: float = APP_TIMEOUT_MS) -> None:
    """Until the field under ``label`` shows its cursor: it has the focus, the next key goes
    there. (A screen is drawn before its field takes the focus: a key typed then is lost.)"""
    page.wait_for_function(_FOCUS_SCRIPT, arg=[label, "field"], timeout=timeout)


def wait_for_focused_button(page: Page, label: str, timeout: float = APP_TIMEOUT_MS) -> None:
    """Until the button ``label`` is drawn focused (in reverse video): Entrée presses it."""
    page.wait_for_function(_FOCUS_SCRIPT, arg=[label, "button"], timeout=timeout)


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


def open_counters(context: Any, served: Served, count: int) -> list[Page]:
    """``count`` new tabs on the counter, opened together (as visitors arriving at once: their
    apps start side by side), once each shows its kiosk welcome."""
    pages: list[Page] = [context.new_page() for _ in range(count)]
    for page in pages:
        page.goto(served.url + "/")
    for page in pages:
        wait_for(page, WELCOME)
    return pages


def open_counter(context: Any, served: Served) -> Page:
    """A new tab on the counter, once its kiosk welcome is on the screen."""
    (page,) = open_counters(context, served, 1)
    return page


def log_in_paul(page: Page) -> None:
    """From the welcome or the login, by keyboard alone, as a person would: Entrée, the NIR,
    Tab past « J'ai un identifiant provisoire » and the password's « (?) », the password,
    Entrée (the kiosk offers no « Se souvenir de moi »)."""
    if WELCOME in screen(page).inner_text():
        page.keyboard.press("Enter")
    wait_for_focused_field(page, "Numéro de Sécurité sociale")
    page.keyboard.type(PAUL_NIR)
    unfocused = row_below(page, PASSWORD_HINT).inner_html()
    page.keyboard.press("Tab")  # « J'ai un identifiant provisoire »
    page.keyboard.press("Tab")  # the password's « (?) »
    page.keyboard.press("Tab")  # the password
    wait_for_focus_below(page, PASSWORD_HINT, unfocused)
    page.keyboard.type(PAUL_PASSWORD)
    wait_for(page, "•" * len(PAUL_PASSWORD))
    page.keyboard.press("Enter")
    wait_for(page, "Bonjour Paul LEROY")


#: What must not outlive Paul's visit: his name, his NIR (any spacing), his allocataire number,
#: his address, an amount.
PAUL_TRACES = re.compile(
    r"LEROY|Paul|1\s*78\s*02\s*99|178029|3307462|Jaur[eè]s|\d+,\d\d\s*€|Leroy1978", re.I
)


def traces_of_paul(page: Page) -> list[str]:
    """Every trace of Paul in the page: its whole DOM (the accessibility tree, xterm's rows and
    its live region are part of it), and the accessibility tree as a screen reader gets it."""
    found = PAUL_TRACES.findall(page.content())
    found += PAUL_TRACES.findall(page.locator("body").aria_snapshot())
    return found
