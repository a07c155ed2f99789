"""The browser tests' event loop, left marked running (as Playwright's sync API leaves it), never
reaches the items after them on their worker: not their module fixtures, not their tests."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

AFTER_A_BROWSER = """
import asyncio
import pytest

@pytest.fixture(scope="session")
def browser():
    loop = asyncio.new_event_loop()
    asyncio._set_running_loop(loop)  # as Playwright's sync API, while its browser is open
    yield loop
    assert asyncio._get_running_loop() is loop  # put back for the browser's own teardown
    asyncio._set_running_loop(None)
    loop.close()

@pytest.mark.browser
def test_a_browser_test(browser):
    assert asyncio._get_running_loop() is browser

@pytest.fixture(scope="module")
def visit():
    return asyncio.run(asyncio.sleep(0, result="visite"))  # a snapshot module's visit

def test_after_it(visit):
    assert visit == "visite"
    assert asyncio.run(asyncio.sleep(0, result="rejoué")) == "rejoué"
"""


@pytest.mark.parametrize("guarded", [True, False])
def test_items_after_the_browser_s_run_asyncio(pytester: pytest.Pytester, guarded: bool) -> None:
    pytester.makeini(
        "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
        "markers =\n    browser: a browser test\n"
    )
    pytester.makepyfile(test_after_a_browser=AFTER_A_BROWSER)
    plugins = ["-p", "tests.loop_guard"] if guarded else []
    alone = ("-p", "no:textual-snapshot", "-p", "no:randomly", "-p", "no:cacheprovider")
    run = pytester.runpytest_inprocess(*plugins, *alone)
    if guarded:
        run.assert_outcomes(passed=2)
    else:  # what the guard is for: without it, the module's fixture fails
        run.assert_outcomes(passed=1, errors=1)
        run.stdout.fnmatch_lines(["*cannot be called from a running event loop*"])
