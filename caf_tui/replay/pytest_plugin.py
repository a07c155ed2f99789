"""Flows are pytest tests: ``pytest flows/`` replays each flow through each front end.

Registered as a ``pytest11`` entry point (as tavern registers its plugin), so installing
caf-tui brings it; it collects nothing until a project names its flow folders in its
configuration (``caf_flows = ["flows"]`` under ``[tool.pytest.ini_options]``), so other
projects are unaffected. Each flow gives two items, ``karim-sms[tui]`` and
``karim-sms[plain]``, marked ``flow`` and with the flow's ``tags:`` (``-m smoke``). Every item
of a pytest process (of an xdist worker) replays in that process against one stub, reset
before each flow. A failure says, as the HTML report does, the step, the screen's text and the
last requests.
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from caf_tui.replay.driver import Driver
    from caf_tui.replay.flow import Flow, _Step
    from caf_tui.replay.results import FlowResult
    from caf_tui.replay.runner import LocalStub

FLOWS_INI = "caf_flows"
FRONT_ENDS = ("tui", "plain")
SUFFIXES = (".yaml", ".yml")
FLOW_MARKER = "flow: a flow of the library replayed through a front end (caf_tui.replay)"
TAG_MARKER = "{tag}: flows tagged « {tag} » (their tags:)"


class _Session:
    """What the items of one pytest process share: its stub, its report folder."""

    def __init__(self, report: Path | None) -> None:
        self._stub: LocalStub | None = None
        self._report = report
        self._made: Path | None = None

    @property
    def stub(self) -> LocalStub:
        if self._stub is None:
            from caf_tui.replay.runner import LocalStub

            self._stub = LocalStub()
        return self._stub

    @property
    def report(self) -> Path:
        if self._report is not None:
            return self._report
        if self._made is None:
            self._made = Path(tempfile.mkdtemp(prefix="caf-flows-"))
        return self._made

    def close(self) -> None:
        if self._stub is not None:
            self._stub.stop()
        if self._made is not None:
            shutil.rmtree(self._made, ignore_errors=True)


SESSION = pytest.StashKey[_Session]()


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    from caf_tui.replay import pytest_hooks

    pluginmanager.add_hookspecs(pytest_hooks)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        FLOWS_INI,
        type="paths",
        default=[],
        help="caf-tui: folders whose *.yaml flows are collected as tests",
    )
    parser.getgroup("caf-tui").addoption(
        "--flow-report",
        metavar="DIR",
        type=Path,
        help="caf-tui: keep the flows' screenshots in DIR (default: a temporary folder)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", FLOW_MARKER)
    config.stash[SESSION] = _Session(config.getoption("flow_report"))


def pytest_unconfigure(config: pytest.Config) -> None:
    session = config.stash.get(SESSION, None)
    if session is not None:
        session.close()


def _flow_folders(config: pytest.Config) -> list[Path]:
    folders: list[Path] = config.getini(FLOWS_INI)
    return [folder.resolve() for folder in folders]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FlowFile | None:
    if file_path.suffix not in SUFFIXES:
        return None
    folders = _flow_folders(parent.config)
    if not any(file_path.resolve().is_relative_to(folder) for folder in folders):
        return None
    flow_file: FlowFile = FlowFile.from_parent(parent, path=file_path)
    return flow_file


class FlowFile(pytest.File):
    def collect(self) -> Iterator[FlowItem]:
        from caf_tui.replay.flow import load_flow
        from caf_tui.replay.runner import UNREADABLE

        try:
            flow: Flow | None = load_flow(self.path)
            error = ""
        except UNREADABLE as exc:
            flow, error = None, f"script illisible : {exc}"
        name = flow.name if flow is not None else self.path.stem
        for front_end in FRONT_ENDS:
            item: FlowItem = FlowItem.from_parent(
                self, name=f"{name}[{front_end}]", flow=flow, front_end=front_end, error=error
            )
            item.add_marker("flow")
            for tag in flow.tags if flow is not None else ():
                self.config.addinivalue_line("markers", TAG_MARKER.format(tag=tag))
                item.add_marker(tag)
            yield item


def secrets_written(flow: Flow, folder: Path) -> list[str]:
    """``${NAME} in file`` for each password or code default of the flow found in a file of
    its report (its screenshots mask them); names only, never the value."""
    secrets = {
        name: value
        for name, value in flow.variables.items()
        if value and len(value) >= 6 and ("PASSWORD" in name or "CODE" in name)
    }
    found: list[str] = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        if path.suffix == ".svg":
            # What the picture says, not its markup: « 000000 » is a wrong code, and black.
            text = html.unescape(re.sub(r"<[^>]*>", "", text))
        found += [
            f"${{{name}}} dans {path.name}" for name, value in secrets.items() if value in text
        ]
    return found


class FlowFailed(Exception):
    def __init__(self, result: FlowResult) -> None:
        super().__init__(result.failure.message if result.failure else result.status)
        self.result = result


@contextmanager
def own_event_loop() -> Iterator[None]:
    """A flow replays on an event loop of its own (``asyncio.run``). A library that leaves its
    loop marked running on this thread between its calls (Playwright's sync API, for as long
    as its browser is open: the browser tests that ran before on this pytest worker) would
    have ``asyncio.run`` refuse; that mark is set aside for the flow, then put back."""
    left_running = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(left_running)


class FlowItem(pytest.Item):
    def __init__(self, *, flow: Flow | None, front_end: str, error: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.flow = flow
        self.front_end = front_end
        self.error = error

    def runtest(self) -> None:
        from caf_tui.replay.runner import ReplayOptions, replay_flow

        if self.flow is None:
            raise pytest.fail.Exception(self.error, pytrace=False)
        session = self.config.stash[SESSION]
        options = ReplayOptions(
            report_dir=session.report / self.front_end, plain=self.front_end == "plain"
        )
        with own_event_loop():
            result = replay_flow(self.flow, self.path, options, session.stub, self._observe)
        if not result.passed:
            raise FlowFailed(result)
        leaked = secrets_written(self.flow, options.report_dir / self.flow.name)
        if leaked:
            raise pytest.fail.Exception(
                f"un secret du parcours est écrit dans le rapport : {', '.join(leaked)}",
                pytrace=False,
            )

    async def _observe(self, step: _Step, driver: Driver) -> None:
        for answer in self.ihook.pytest_caf_flow_step(item=self, step=step, driver=driver):
            if answer is not None:
                await answer

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        if isinstance(excinfo.value, FlowFailed):
            from caf_tui.replay.report import failure_text

            return f"{self.name} : {failure_text(excinfo.value.result)}"
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"flow {self.name}"
