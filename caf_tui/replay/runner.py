"""Replay flows: each against a fresh stub of its own (or a given server), one after the other
or in parallel processes, and gather what passed and what broke."""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from caf_tui.replay.control import ControlUnavailable, StubControl
from caf_tui.replay.driver import Driver
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import Flow, load_flow
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.results import Failure, FlowResult, StepResult
from caf_tui.replay.variables import MissingVariable, Variables

STEP_TIMEOUT = 30.0
LAST_REQUESTS = 12


@dataclass(frozen=True)
class ReplayOptions:
    report_dir: Path
    backend_url: str | None = None
    plain: bool = False
    step_timeout: float = STEP_TIMEOUT


@contextmanager
def server_for(flow: Flow, options: ReplayOptions) -> Iterator[str]:
    """The URL to replay against: the given server (reset first when it is a stub), or a
    fresh stub (``:memory:``, clock frozen) started for this flow alone."""
    if options.backend_url is not None:
        control = StubControl(options.backend_url)
        try:
            if control.available():
                control.reset()
        finally:
            control.close()
        yield options.backend_url
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


async def _replay(flow: Flow, url: str, shots: Path, options: ReplayOptions) -> FlowResult:
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
        async with open_driver(url, Variables(flow.variables), control, shots) as driver:
            for number, step in enumerate(flow.steps, start=1):
                step_started = time.perf_counter()
                try:
                    shot = await asyncio.wait_for(driver.run(step), options.step_timeout)
                except (StepFailed, MissingVariable, ControlUnavailable, TimeoutError) as error:
                    message = str(error) or f"délai de {options.step_timeout:g} s dépassé"
                    results.append(
                        StepResult(
                            number=number,
                            label=step.label(),
                            status="failed",
                            seconds=round(time.perf_counter() - step_started, 3),
                            message=message,
                        )
                    )
                    picture = await driver.failure_picture()
                    failure = Failure(
                        step=number,
                        message=message,
                        screen=driver.text(),
                        screenshot=f"{shots.name}/{picture}" if picture else None,
                        requests=await asyncio.to_thread(_requests_seen, control, driver.backend),
                    )
                    break
                results.append(
                    StepResult(
                        number=number,
                        label=step.label(),
                        status="passed",
                        seconds=round(time.perf_counter() - step_started, 3),
                        screenshot=f"{shots.name}/{shot}" if shot else None,
                    )
                )
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


def replay_file(path: Path, options: ReplayOptions) -> FlowResult:
    """Replay one flow file; never raises for a broken flow, the result says what broke."""
    started = time.perf_counter()
    try:
        flow = load_flow(path)
    except (OSError, ValueError, ValidationError, yaml.YAMLError) as error:
        return FlowResult(
            name=path.stem,
            file=str(path),
            status="failed",
            seconds=0.0,
            failure=Failure(step=None, message=f"script illisible : {error}"),
        )
    shots = options.report_dir / flow.name
    try:
        with server_for(flow, options) as url:
            result = asyncio.run(_replay(flow, url, shots, options))
    except Exception as error:  # the flow failed to run at all: say so, go on with the others
        result = FlowResult(
            name=flow.name,
            file=str(path),
            status="failed",
            seconds=round(time.perf_counter() - started, 3),
            failure=Failure(step=None, message=f"{type(error).__name__}: {error}"),
        )
    return result.model_copy(
        update={"file": str(path), "seconds": round(time.perf_counter() - started, 3)}
    )


def replay_files(paths: Sequence[Path], options: ReplayOptions, jobs: int = 1) -> list[FlowResult]:
    """Replay every flow; ``jobs`` > 1 replays that many at once, each in its own process.
    Against a given server, flows run one at a time (they would share its state)."""
    options.report_dir.mkdir(parents=True, exist_ok=True)
    if jobs <= 1 or len(paths) <= 1 or options.backend_url is not None:
        return [replay_file(path, options) for path in paths]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(replay_file, paths, [options] * len(paths)))
