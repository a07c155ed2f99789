"""Shared fixtures. The stub server ones:

- ``stub``: a REAL uvicorn serving the stub on 127.0.0.1 (``:memory:`` database, every code
  ``123456``, clock frozen at 2026-11-27T09:00:00Z), shared by the session and reset before
  each test (clock, fixed code, data). Use ``stub.url``, ``stub.clock``, ``stub.context``.
- ``stub_factory``: start more stubs with other settings, e.g.
  ``stub_factory(password_min_length=10)`` or ``stub_factory(db=str(tmp_path / "s.sqlite3"))``;
  each is stopped at the end of the test (or earlier with ``.stop()``).
- ``workers_stub``: ``caf-stub --workers 2`` in a process of its own on PostgreSQL, random
  codes, started once per pytest worker and reset before each test.

The stub's own suites (``ENGINE_SUITES``) run each of their tests twice, on SQLite and on
PostgreSQL (``stub_engine``): a throwaway PostgreSQL server per pytest worker
(``postgres_server``), one shared stub on it reset like the SQLite one, and a fresh database
(a copy of a migrated template) for each stub of ``stub_factory``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest

from caf_stub import RunningStub, serve_in_thread
from caf_stub.testing import (
    CODE,
    START,
    PostgresServer,
    StubProcess,
    free_port,
    postgres_bin_dir,
    settings_for_tests,
)
from caf_tui.i18n import current_language, set_language
from tests.keyrings import MemoryKeyring

STUB_START = START
STUB_CODE = CODE

# French whatever the machine's locale (an English LANG would switch the app to English); the
# tests of that choice (tests/accessibility) unset it. Child processes (e2e) inherit it.
os.environ["CAF_TUI_LANG"] = "fr"
# Every stub of the tests hashes at argon2's smallest cost (StubSettings.cheapest_hashes): the
# embedded stub of an app, caf-stub processes and the stubs of the fixtures. The portal's own
# cost is tested where it is the point (tests/stub/test_secrets.py names it).
os.environ["CAF_STUB_CHEAPEST_HASHES"] = "1"


@pytest.fixture(autouse=True, scope="session")
def downloads_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A downloaded attestation (the flow library replays « attestation-download ») lands in a
    folder of the tests (platformdirs reads XDG_DOWNLOAD_DIR), never in the person's own."""
    old = os.environ.get("XDG_DOWNLOAD_DIR")
    os.environ["XDG_DOWNLOAD_DIR"] = str(tmp_path_factory.mktemp("downloads"))
    yield
    if old is None:
        os.environ.pop("XDG_DOWNLOAD_DIR", None)
    else:
        os.environ["XDG_DOWNLOAD_DIR"] = old


def stub_client(running: RunningStub | StubProcess, **kwargs: Any) -> httpx.Client:
    """An HTTP client for a stub. Plain HTTP on the loopback: ``verify=False`` spares building
    a TLS context, some 40 ms per client."""
    return httpx.Client(base_url=running.url, timeout=10, verify=False, **kwargs)


def reset_stub(running: RunningStub | StubProcess, *, fixed_code: bool = True) -> None:
    """Back to the start: clock, fixed code, personas, empty outbox (over HTTP, as QA would).
    ``fixed_code=False`` leaves the codes as the stub draws them: a worker process keeps its
    fixed code in its memory, so on ``caf-stub --workers N`` the route would set one worker's."""
    with stub_client(running) as client:
        client.put(
            "/_stub/clock", json={"now": STUB_START.isoformat(), "frozen": True}
        ).raise_for_status()
        if fixed_code:
            client.put("/_stub/fixed-code", json={"code": STUB_CODE}).raise_for_status()
        client.post("/_stub/reset").raise_for_status()


ENGINE_SUITES = frozenset({"stub", "security", "rights", "franceconnect"})
"""The folders of tests/ whose stub tests run on both engines."""
_TESTS = Path(__file__).parent


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not {"stub", "stub_factory"} & set(metafunc.fixturenames):
        return
    parts = Path(metafunc.definition.path).relative_to(_TESTS).parts
    if parts and parts[0] in ENGINE_SUITES:
        metafunc.parametrize(
            "stub_engine",
            ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
            indirect=True,
        )


@pytest.fixture
def stub_engine(request: pytest.FixtureRequest) -> str:
    """The engine of this test's stubs: "sqlite" unless its suite runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for this pytest worker (initdb in a temporary directory)."""
    if postgres_bin_dir() is None:
        pytest.skip("PostgreSQL absent (no initdb on PATH): apt-get install postgresql")
    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _shared_stub() -> Iterator[RunningStub]:
    running = serve_in_thread(settings_for_tests())
    yield running
    running.stop()


@pytest.fixture(scope="session")
def _shared_postgres_stub(postgres_server: PostgresServer) -> Iterator[RunningStub]:
    running = serve_in_thread(settings_for_tests(db=postgres_server.new_database()))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def _shared_workers_stub(postgres_server: PostgresServer) -> Iterator[StubProcess]:
    """``caf-stub --workers 2`` on a database of its own, random codes as in life: its worker
    processes take seconds to start, so each pytest worker starts it once."""
    running = StubProcess(
        db=postgres_server.new_database(), workers=2, port=free_port(), fixed_code=None
    )
    running.start(timeout=120)
    yield running
    running.stop()


@pytest.fixture
def workers_stub(_shared_workers_stub: StubProcess) -> StubProcess:
    """The shared ``caf-stub --workers 2`` (random codes), freshly reset."""
    reset_stub(_shared_workers_stub, fixed_code=False)
    return _shared_workers_stub


@pytest.fixture
def stub(stub_engine: str, request: pytest.FixtureRequest) -> RunningStub:
    """The shared stub server (of ``stub_engine``), freshly reset."""
    shared = "_shared_postgres_stub" if stub_engine == "postgresql" else "_shared_stub"
    running: RunningStub = request.getfixturevalue(shared)
    reset_stub(running)
    return running


@pytest.fixture
def stub_factory(
    stub_engine: str, request: pytest.FixtureRequest
) -> Iterator[Callable[..., RunningStub]]:
    """Start stubs of their own (``stub_factory(**settings overrides)``); stopped afterwards.
    On PostgreSQL, each has a fresh database unless ``db`` is given."""
    started: list[RunningStub] = []

    def start(**overrides: Any) -> RunningStub:
        if stub_engine == "postgresql" and "db" not in overrides:
            server: PostgresServer = request.getfixturevalue("postgres_server")
            overrides["db"] = server.new_database()
        running = serve_in_thread(settings_for_tests(**overrides))
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A keyring that records every call (the kiosk must make none), for this test only."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


#: Modules whose tests each walk screens or whole journeys through Textual's Pilot, a fuzzer or
#: a live server (10–90 s a test on the 2 loaded cores of /tmp/base-durations.txt): slow, so
#: that the quick subset (README) leaves them out; the full run keeps them.
WALKS_JOURNEYS = frozenset(
    {
        "tests/account/test_sections_tui.py",
        "tests/account/test_signup_tui.py",
        "tests/fuzz/test_openapi.py",
        "tests/kiosk/test_assist.py",
        "tests/kiosk/test_serve.py",
        "tests/kiosk/test_wipe.py",
        "tests/network/test_screens.py",
        "tests/rights/test_fuzz_rights.py",
        "tests/snapshots/test_doors.py",
        "tests/snapshots/test_migration.py",
        "tests/tui/test_contact_and_code.py",
        "tests/tui/test_countdown_and_checklist_frames.py",
        "tests/tui/test_dashboard_escape.py",
        "tests/tui/test_household.py",
        "tests/tui/test_karim_journey.py",
        "tests/tui/test_keyboard_doors.py",
        "tests/tui/test_keyboard_only.py",
        "tests/tui/test_login.py",
        "tests/tui/test_login_layout.py",
        "tests/tui/test_migration_screens.py",
        "tests/tui/test_password_in_view.py",
        "tests/words/test_empty_checklist.py",
        # Each starts processes or several stubs, or replays flows, or times many requests:
        # seconds apiece, out of the quick subset.
        "tests/replay/test_shared_stub.py",
        "tests/replay/test_pytest_plugin.py",
        "tests/replay/test_record.py",
        "tests/replay/test_failures.py",
        "tests/stub/test_workers.py",
        "tests/stub/test_throttling.py",
        "tests/e2e/test_processes.py",
        "tests/e2e/test_crash.py",
        "tests/fuzz/test_journey_machine.py",
        "tests/plain/test_terminal.py",
        "tests/kiosk/test_leaving.py",
        "tests/snapshots/test_accessibility.py",
    }
)
#: Tests (or modules) of a second or more each, on 2 cores at load 1 (``--durations=0`` of the
#: quick subset, 2026-12-07): a whole journey through the screens, the line mode or
#: FranceConnect, a fuzzer, or a real-time wait (a slow link's bandwidth, a countdown's ticks).
#: Slow too, so that the quick subset stays under a minute; the full run keeps them.
SLOW_TESTS = (
    "tests/account/test_contact_change.py::test_paul_changes_his_email_in_the_app",
    "tests/account/test_recovery_tui.py::",
    "tests/cli/test_logs.py::test_a_journey_s_json_log_holds_no_password_and_no_code",
    "tests/franceconnect/test_app_browser_path.py::",
    "tests/franceconnect/test_app_terminal_path.py::",
    "tests/fuzz/test_hostile_bodies.py::",
    "tests/fuzz/test_stateful.py::",
    "tests/kiosk/test_terminal.py::test_a_visit_in_a_terminal_ends_wiped",
    "tests/network/test_slow_client.py::",
    "tests/network/test_slow_link.py::",
    "tests/plain/test_franceconnect.py::test_angela_signs_in_in_a_browser_while_the_line_",
    "tests/rights/test_front_rights.py::test_karim_grants_one_right_and_the_server_holds_",
    "tests/security/test_fc_client_keeps_no_secret.py::",
    "tests/security/test_logs_secrets.py::test_no_secret_reaches_the_console_or_the_journal",
    "tests/tui/test_migration_widgets.py::test_countdown_ticks_by_itself_each_second",
    "tests/tui/test_sections_benefit.py::",
    # A second or more each in the quick subset on 2026-12-07 (load 1, -n 3):
    "tests/accessibility/test_environment.py::test_the_app_follows_the_terminal_variables",
    "tests/account/test_doors_tui.py::test_amina_logs_in_with_her_temporary_identifier",
    "tests/cli/test_completion.py::test_a_reader_that_stops_early_gets_no_traceback",
    "tests/contract/test_openapi.py::test_openapi_json_matches_the_code",
    "tests/plain/test_account_menu.py::test_karim_grants_then_withdraws_zohras_rights",
    "tests/security/test_doors_signup.py::test_failures_aimed_at_a_member_before_sign_up_",
    "tests/snapshots/test_foundation.py::test_login_error",
    "tests/stub/test_schema_versions.py::",
    "tests/tui/test_sections_declare.py::test_karim_declares_a_move_with_the_keyboard",
    "tests/unit/test_first_frame.py::",
)
#: Both, as the start of a test's ``path::name``.
SLOW_PREFIXES = tuple(f"{path}::" for path in sorted(WALKS_JOURNEYS)) + SLOW_TESTS
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pytest_itemcollected(item: pytest.Item) -> None:
    path = os.path.relpath(item.path, ROOT).replace(os.sep, "/")
    if f"{path}::{item.name}".startswith(SLOW_PREFIXES):
        item.add_marker(pytest.mark.slow)
    if "postgres_server" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.postgresql)  # it starts the server, whatever its engine
    for costly in ("browser", "packaging"):
        if item.get_closest_marker(costly) is not None:
            # One worker for them all (``--dist loadgroup``). Chromium and the served counter
            # are session fixtures, started by each worker that got a browser test (three of
            # each when the tests were spread over three workers); the wheel and the sdist
            # are built once per worker, and two builds at once in the same tree collided
            # (setuptools writes the sdist's tree there: « No such file » from the other).
            item.add_marker(pytest.mark.xdist_group(costly))
    if "workers_stub" in getattr(item, "fixturenames", ()):
        # caf-stub --workers 2 takes seconds to start, once per pytest worker that needs it.
        item.add_marker(pytest.mark.xdist_group("workers-stub"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The browser tests last in one process: Chromium starts late and its pages are not kept
    for the rest of the run. (Under ``--dist loadgroup`` xdist starts their group, the largest,
    first on its worker; tests/loop_guard.py lets the other items follow it.) Tried: the groups
    and the slow tests first, 262.2 s (453 s of CPU) against 246.5 s (425 s), in-tree."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def restore_language() -> Iterator[None]:
    """An app started in English (``CafApp(Settings(lang="en"))``, the English snapshots)
    switches the process's ``_`` to English: give it back after every test, or a later test
    in the same worker compares the stub's French with English words (seen at ``-n 3``, where
    workers take other mixes of tests)."""
    before = current_language()
    yield
    if current_language() != before:
        set_language(before)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """``configure_logging()`` (caf-tui's and caf-stub's, reached by any in-process ``main``)
    replaces the root's handlers and sets the stub's logger level: give them back after every
    test, or a later test in the same worker loses the records it captures."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    named = {
        name: (
            logging.getLogger(name).handlers[:],
            logging.getLogger(name).level,
            logging.getLogger(name).propagate,
        )
        for name in ("caf_stub", "uvicorn", "uvicorn.error", "uvicorn.access", "httpx")
    }
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers, root.level = handlers, level
    for name, (kept, kept_level, propagate) in named.items():
        logger = logging.getLogger(name)
        logger.handlers, logger.level, logger.propagate = kept, kept_level, propagate
