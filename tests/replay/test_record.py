"""Recording: a journey driven with Pilot is written as a script that replays the same way."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from caf_stub import RunningStub
from caf_tui.api import StepName
from caf_tui.app import CafApp
from caf_tui.config import Settings
from caf_tui.replay import settle as settling
from caf_tui.replay.flow import dump_flow, load_flow
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.record import Recorder
from caf_tui.replay.runner import ReplayOptions, replay_file
from caf_tui.replay.tui import TuiDriver
from caf_tui.replay.variables import Variables
from tests.stub.journeys import ORDER as MIGRATION_ORDER
from tests.tui.migration import KARIM_NIR, KARIM_PASSWORD, NEW_PASSWORD

CODE = "123456"  # the test stub's fixed code


async def type_keys(pilot: Pilot[None], selector: str, text: str) -> None:
    """Typed key by key as a terminal delivers keys; waited for by events, not idle time."""
    pilot.app.screen.query_one(selector).focus()
    await settling.settle(pilot)
    await settling.type_text(pilot, text)


async def press(pilot: Pilot[None], driver: TuiDriver, selector: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await settling.settle(pilot)
    settling.ready_to_press(widget)
    await settling.press(pilot, "enter")
    await driver.settle()


async def karim_by_keyboard(pilot: Pilot[None], driver: TuiDriver) -> None:
    """Karim's whole journey as a person does it: every character typed, Enter to send."""
    await type_keys(pilot, "#identifier", KARIM_NIR)
    await type_keys(pilot, "#password", KARIM_PASSWORD)
    await settling.press(pilot, "enter")
    await driver.settle()
    await press(pilot, driver, "#start")
    pilot.app.screen.query_one("#accept").focus()
    await settling.press(pilot, "space")
    await press(pilot, driver, "#continue")
    await type_keys(pilot, "#password", NEW_PASSWORD)
    await type_keys(pilot, "#confirmation", NEW_PASSWORD)
    await press(pilot, driver, "#validate")
    await press(pilot, driver, "#validate")  # SMS, chosen by default
    await type_keys(pilot, "#code", CODE)
    await press(pilot, driver, "#validate")
    await press(pilot, driver, "#continue")
    await press(pilot, driver, "#skip")


@pytest.mark.slow  # Karim's whole journey, recorded then replayed
async def test_a_recorded_journey_replays_identically(
    stub: RunningStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = ObservedBackend(stub.url)
    app = CafApp(Settings(remember=False, cursor_blink=False), backend=backend)
    recorder = Recorder(app, backend)
    async with app.run_test(size=(100, 40), message_hook=recorder.hook) as pilot:
        driver = TuiDriver(pilot, backend, Variables({}), None, tmp_path)
        await driver.settle()
        await karim_by_keyboard(pilot, driver)
        assert app.journey.step.step == StepName.DASHBOARD
    flow = recorder.flow("karim-recorded")
    script = tmp_path / "karim-recorded.yaml"
    script.write_text(dump_flow(flow), encoding="utf-8")

    text = script.read_text(encoding="utf-8")
    assert KARIM_PASSWORD not in text.split("variables:")[1].split("steps:")[1]
    assert NEW_PASSWORD not in text and "123456" not in text
    assert "${KARIM_PASSWORD}" in text and "${NEW_PASSWORD}" in text
    assert "read_code: sms" in text and "${CODE}" in text
    recorded = [s.expect.value for s in load_flow(script).steps if hasattr(s, "expect")]
    assert recorded == ["login", *MIGRATION_ORDER]

    monkeypatch.setenv("NEW_PASSWORD", NEW_PASSWORD)  # a new password comes from the environment
    options = ReplayOptions(report_dir=tmp_path / "report")
    result = await asyncio.to_thread(replay_file, script, options)
    assert result.passed, result.failure
    assert [s.status for s in result.steps] == ["passed"] * len(flow.steps)


def test_caf_tui_record_writes_the_script_when_the_app_closes(tmp_path: Path) -> None:
    """The real command in a terminal: the app opens, Ctrl+Q closes it, the script is there."""
    import os
    import shutil
    import sys

    import pexpect

    script = tmp_path / "opened-and-closed.yaml"
    command = shutil.which("caf-tui") or str(Path(sys.executable).parent / "caf-tui")
    child = pexpect.spawn(
        command,
        ["record", str(script)],
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    child.expect("CONNEXION")
    child.send("\x11")  # Ctrl+Q
    child.expect("Parcours enregistré")
    child.expect(pexpect.EOF)
    flow = load_flow(script)
    assert flow.name == "opened-and-closed"
    assert [step.label() for step in flow.steps] == ["expect: login"]
