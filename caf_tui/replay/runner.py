"""Replay flows in this process: each against the process's own stub, reset before it (or a
stub of its own when it asks for settings, or a given server), and say what passed and broke.

One engine for ``caf-tui replay`` and the pytest items of ``flows/`` (``pytest_plugin``).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from caf_tui.api import Channel
from caf_tui.replay.collector import collections_held_back
from caf_tui.replay.control import ControlUnavailable, StubControl
from caf_tui.replay.driver import Driver
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import (
    PERSONA_PREFIX,
    AdvanceClock,
    ExpectNoText,
    ExpectText,
    Fault,
    Flow,
    IncludeError,
    _Step,
    load_flow,
)
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.persona import PersonaValues, demo, from_copy
from caf_tui.replay.results import Failure, FlowResult, StepResult
from caf_tui.replay.variables import MissingVariable, Variables

if TYPE_CHECKING:
    from caf_stub import RunningStub

STEP_TIMEOUT = 30.0
LAST_REQUESTS = 12
_CHANNELS = (Channel.SMS, Channel.EMAIL)
UNREADABLE = (OSError, ValueError, ValidationError, yaml.YAMLError, IncludeError)


@dataclass(frozen=True)
class ReplayOptions:
    report_dir: Path
    backend_url: str | None = None
    plain: bool = False
    step_timeout: float = STEP_TIMEOUT
    shared: bool = False
    """The server is shared (flows at once, other testers): never reset it, give each flow a
    fresh copy of its persona and read only that copy's codes."""


class LocalStub:
    """This process's stub, started at its first flow and reset before each: a flow finds it
    as a stub started for it alone (``:memory:``, clock frozen, random codes)."""

    def __init__(self, **overrides: Any) -> None:
        """``overrides``: settings of the stub (``benchmarks/``: real hashes)."""
        self._running: RunningStub | None = None
        self._overrides: dict[str, Any] = {"fixed_code": None, **overrides}

    def url(self) -> str:
        if self._running is None:
            from caf_stub import serve_in_thread
            from caf_stub.testing import settings_for_tests

            self._running = serve_in_thread(settings_for_tests(**self._overrides))
        from caf_stub.testing import START

        control = StubControl(self._running.url)
        try:
            control.restart(START.isoformat())
        finally:
            control.close()
        return self._running.url

    def stop(self) -> None:
        if self._running is not None:
            self._running.stop()
            self._running = None


@contextmanager
def server_for(flow: Flow, options: ReplayOptions, local: LocalStub | None) -> Iterator[str]:
    """The URL to replay against: the given server (reset first when it is a stub not shared),
    the process's stub reset, or a stub of its own when the flow asks for settings."""
    if options.backend_url is not None:
        if not options.shared:
            control = StubControl(options.backend_url)
            try:
                if control.available():
                    control.reset()
            finally:
                control.close()
        yield options.backend_url
        return
    if local is not None and not flow.stub:
        yield local.url()
        return
    from caf_stub import serve_in_thread
    from caf_stub.testing import settings_for_tests

    overrides: dict[str, Any] = {"fixed_code": None, **flow.stub}
    running = serve_in_thread(settings_for_tests(**overrides))
    try:
        yield running.url
    finally:
        running.stop()


def _requests_seen(control: StubControl | None, backend: ObservedBackend) -> list[dict[str, Any]]:
    """The last requests: from the stub's journal (redacted), else as the client saw them."""
    if control is not None:
        try:
            return control.journal(LAST_REQUESTS)
        except ControlUnavailable:
            pass
    return [
        {
            "method": sent.method,
            "path": sent.path,
            "status": sent.status,
            "duration_ms": sent.duration_ms,
            "error": sent.error,
        }
        for sent in backend.sent[-LAST_REQUESTS:]
    ]


@asynccontextmanager
async def _tui_driver(
    url: str, variables: Variables, control: StubControl | None, shots: Path
) -> AsyncIterator[Driver]:
    from caf_tui.replay.tui import SIZE, TuiDriver, make_app

    app, backend = make_app(url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        driver = TuiDriver(pilot, backend, variables, control, shots)
        await driver.settle()
        yield driver


@asynccontextmanager
async def _plain_driver(
    url: str, variables: Variables, control: StubControl | None, shots: Path
) -> AsyncIterator[Driver]:
    from caf_tui.replay.plain import PlainDriver

    driver = PlainDriver(url, variables, control, shots)
    try:
        yield driver
    finally:
        await asyncio.to_thread(driver.close)


def _uses_persona(flow: Flow) -> bool:
    return any(
        name.startswith(PERSONA_PREFIX) for step in flow.steps for name in step.references()
    ) or any(PERSONA_PREFIX in (value or "") for value in flow.variables.values())


def _persona_of(flow: Flow, control: StubControl | None, options: ReplayOptions) -> PersonaValues:
    """The persona's values; a copy of it on a shared stub. A flow that names none of them
    (a new account, an error path) uses none."""
    if flow.persona is None or (not options.shared and not _uses_persona(flow)):
        return PersonaValues(persona="", household=(), fresh=False)
    if options.shared:
        if control is None:
            raise ControlUnavailable("un serveur partagé doit être un bouchon (/_stub)")
        return from_copy(flow.persona, control.copy_persona(flow.persona))
    return demo(flow.persona)


def _with_persona(step: _Step, variables: Variables) -> _Step:
    """``expect_text: ${PERSONA.phone_national}`` as the screen says it (never a password)."""

    def resolved(text: str) -> str:
        for name in step.references():
            if name.startswith(PERSONA_PREFIX) and not name.endswith("password"):
                text = text.replace("${" + name + "}", variables.value(name))
        return text

    if isinstance(step, ExpectText):
        return step.model_copy(update={"expect_text": resolved(step.expect_text)})
    if isinstance(step, ExpectNoText):
        return step.model_copy(update={"expect_no_text": resolved(step.expect_no_text)})
    return step


StepObserver = Callable[[_Step, Driver], Awaitable[None]]
"""Called after each step that passed (the pytest items' ``pytest_caf_flow_step``): it may
check more of what is shown and raise ``StepFailed``."""


async def _replay(
    flow: Flow,
    url: str,
    shots: Path,
    options: ReplayOptions,
    observer: StepObserver | None = None,
) -> FlowResult:
    """The flow's steps in turn, through the front end the options name, until one fails."""
    control: StubControl | None = StubControl(url)
    assert control is not None
    if not await asyncio.to_thread(control.available):
        control.close()
        control = None
    open_driver = _plain_driver if options.plain else _tui_driver
    results: list[StepResult] = []
    failure: Failure | None = None
    started = time.perf_counter()
    try:
        persona = await asyncio.to_thread(_persona_of, flow, control, options)
        if control is not None and persona.fresh:
            control.consumer = f"{flow.name}-{uuid.uuid4().hex[:12]}"
            control.recipients = {channel: persona.recipient(channel) for channel in _CHANNELS}
        variables = Variables(flow.variables, persona=persona.values())
        async with open_driver(url, variables, control, shots) as driver:
            for number, step in enumerate(flow.steps, start=1):
                step_started = time.perf_counter()
                try:
                    shot = await asyncio.wait_for(
                        _performed(driver, _with_persona(step, variables), observer),
                        options.step_timeout,
                    )
                except (StepFailed, MissingVariable, ControlUnavailable, TimeoutError) as error:
                    message = str(error) or f"délai de {options.step_timeout:g} s dépassé"
                    results.append(_done(number, step, step_started, message=message))
                    picture = await driver.failure_picture()
                    failure = Failure(
                        step=number,
                        message=message,
                        screen=driver.text(),
                        screenshot=f"{shots.name}/{picture}" if picture else None,
                        requests=await asyncio.to_thread(_requests_seen, control, driver.backend),
                    )
                    break
                done = _done(number, step, step_started)
                done.screenshot = f"{shots.name}/{shot}" if shot else None
                results.append(done)
            for number, step in enumerate(flow.steps[len(results) :], start=len(results) + 1):
                results.append(StepResult(number=number, label=step.label(), status="skipped"))
    finally:
        if control is not None:
            control.close()
    return FlowResult(
        name=flow.name,
        file="",
        mode="plain" if options.plain else "tui",
        status="failed" if failure else "passed",
        seconds=round(time.perf_counter() - started, 3),
        steps=results,
        failure=failure,
    )


def _done(number: int, step: _Step, started: float, message: str | None = None) -> StepResult:
    """The step's result: failed when it has a message, else passed."""
    return StepResult(
        number=number,
        label=step.label(),
        status="failed" if message is not None else "passed",
        seconds=round(time.perf_counter() - started, 3),
        message=message,
    )


async def _performed(driver: Driver, step: _Step, observer: StepObserver | None) -> str | None:
    shot = await driver.run(step)
    if observer is not None:
        await observer(step, driver)
    return shot


def _unreadable(path: Path, error: Exception) -> FlowResult:
    return FlowResult(
        name=path.stem,
        file=str(path),
        status="failed",
        seconds=0.0,
        failure=Failure(step=None, message=f"script illisible : {error}"),
    )


def replay_flow(
    flow: Flow,
    path: Path,
    options: ReplayOptions,
    local: LocalStub | None = None,
    observer: StepObserver | None = None,
) -> FlowResult:
    """Replay one loaded flow; never raises for a broken flow, the result says what broke."""
    started = time.perf_counter()
    shots = options.report_dir / flow.name
    try:
        with server_for(flow, options, local) as url, collections_held_back():
            result = asyncio.run(_replay(flow, url, shots, options, observer))
    except Exception as error:  # the flow failed to run at all: say so, go on with the others
        result = FlowResult(
            name=flow.name,
            file=str(path),
            mode="plain" if options.plain else "tui",
            status="failed",
            seconds=round(time.perf_counter() - started, 3),
            failure=Failure(step=None, message=f"{type(error).__name__}: {error}"),
        )
    return result.model_copy(
        update={"file": str(path), "seconds": round(time.perf_counter() - started, 3)}
    )


def replay_file(path: Path, options: ReplayOptions, local: LocalStub | None = None) -> FlowResult:
    """Replay one flow file; never raises for a broken flow, the result says what broke."""
    try:
        flow = load_flow(path)
    except UNREADABLE as error:
        return _unreadable(path, error)
    return replay_flow(flow, path, options, local)


_WORKER_STUB = LocalStub()
"""In a process of ``replay_files``' pool: one stub for every flow that process replays."""


def _replay_in_worker(path: Path, options: ReplayOptions) -> FlowResult:
    return replay_file(path, options, _WORKER_STUB)


def touches_the_whole_stub(flow: Flow) -> bool:
    """It moves the stub's clock or injects a fault: every tester of that stub would see it."""
    return any(isinstance(step, AdvanceClock | Fault) for step in flow.steps)


def _one_at_a_time(path: Path) -> bool:
    try:
        return touches_the_whole_stub(load_flow(path))
    except UNREADABLE:
        return False


def replay_files(paths: Sequence[Path], options: ReplayOptions, jobs: int = 1) -> list[FlowResult]:
    """Replay every flow; ``jobs`` > 1 replays that many at once, in as many processes, each
    with one stub it resets before each flow. Against a given server, flows run at once only
    when it is shared (fresh personas); the ones that move its clock or inject a fault then
    run after the others, one at a time."""
    options.report_dir.mkdir(parents=True, exist_ok=True)
    if jobs <= 1 or len(paths) <= 1 or (options.backend_url is not None and not options.shared):
        local = LocalStub()
        try:
            return [replay_file(path, options, local) for path in paths]
        finally:
            local.stop()
    at_once = [path for path in paths if not (options.shared and _one_at_a_time(path))]
    alone = [path for path in paths if path not in at_once]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(at_once) or 1), mp_context=context) as pool:
        replayed = pool.map(_replay_in_worker, at_once, [options] * len(at_once))
        found = dict(zip(at_once, replayed, strict=True))
    found |= {path: replay_file(path, options) for path in alone}
    return [found[path] for path in paths]


def seconds_to_replay(
    path: Path, plain: bool = False, report_dir: Path | None = None, **stub_settings: Any
) -> float:
    """Replay one flow in this process, on a stub of this process (started before the clock
    runs); the seconds the flow took. For ``benchmarks/``: raises when the flow fails."""
    import tempfile

    local = LocalStub(**stub_settings)
    try:
        local.url()  # the stub's start is no part of the flow
        with tempfile.TemporaryDirectory() as folder:
            options = ReplayOptions(report_dir=report_dir or Path(folder), plain=plain)
            result = replay_file(path, options, local)
    finally:
        local.stop()
    if not result.passed:
        raise RuntimeError(f"{path.name} a échoué : {result.failure}")
    return result.seconds
