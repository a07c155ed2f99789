"""Flows at once against one stub that testers share (issue 17, point 3): each flow on a
fresh copy of its persona (``POST /_stub/personas``), reading only that copy's codes
(``/_stub/outbox/next?to=…&consumer=…``). The same flow, written with ``${PERSONA.…}``, runs
on a private stub as the demo persona."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from caf_stub import RunningStub
from caf_stub.messages import CODE_SUBJECT
from caf_stub.personas import PERSONAS
from caf_stub.testing import StubProcess
from caf_tui.replay.runner import ReplayOptions, replay_files

FLOWS = Path(__file__).resolve().parents[2] / "flows"


def _with_persona_values(name: str, replacements: dict[str, str], copy: int) -> str:
    """A library flow written with ``${PERSONA.…}`` instead of the demo persona's values."""
    text = (FLOWS / f"{name}.yaml").read_text(encoding="utf-8")
    for demo, persona in {f"name: {name}": f"name: {name}-{copy}", **replacements}.items():
        assert demo in text, demo
        text = text.replace(demo, persona)
    return text


def karim(copy: int) -> str:
    return _with_persona_values(
        "karim-sms",
        {
            "KARIM_NIR: 1 83 05 99 999 011 72": 'KARIM_NIR: "${PERSONA.nir}"',
            'KARIM_PASSWORD: "83051234"': 'KARIM_PASSWORD: "${PERSONA.password}"',
            "- expect_text: 06 15 00 00 00": '- expect_text: "${PERSONA.phone_national}"',
        },
        copy,
    )


def claire(copy: int) -> str:
    return _with_persona_values(
        "claire-email",
        {
            "CLAIRE_NIR: 2 92 01 99 999 014 96": 'CLAIRE_NIR: "${PERSONA.nir}"',
            'CLAIRE_PASSWORD: "92014321"': 'CLAIRE_PASSWORD: "${PERSONA.password}"',
            "- expect_text: claire.moreau@example.com": '- expect_text: "${PERSONA.email}"',
        },
        copy,
    )


def _write(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"flow-{number}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_flow_written_with_persona_values_runs_on_a_private_stub_as_the_demo_persona(
    tmp_path: Path,
) -> None:
    paths = _write(tmp_path / "flows", [karim(0)])
    [result] = replay_files(paths, ReplayOptions(report_dir=tmp_path / "report", plain=True))
    assert result.passed, result.failure


def eight_flows_at_once(url: str, tmp_path: Path) -> list[dict[str, Any]]:
    """Five Karims and three Claires replayed together on the stub at ``url``; what it sent."""
    paths = _write(tmp_path / "flows", [karim(n) for n in range(5)] + [claire(n) for n in range(3)])
    options = ReplayOptions(
        report_dir=tmp_path / "report", backend_url=url, plain=True, shared=True
    )

    results = replay_files(paths, options, jobs=8)

    assert {r.name: r.failure for r in results if not r.passed} == {}
    sent: list[dict[str, Any]] = httpx.get(url + "/_stub/outbox", timeout=10).json()
    return sent


@pytest.mark.slow
def test_eight_flows_at_once_on_one_stub_each_on_its_own_persona_and_codes(
    stub_factory: Callable[..., RunningStub], tmp_path: Path
) -> None:
    # Random codes: a flow that read another's code would type a wrong one and fail.
    shared = stub_factory(fixed_code=None)
    sent = eight_flows_at_once(shared.url, tmp_path)
    assert_each_copy_got_its_own_code(sent)


@pytest.mark.slow
def test_eight_flows_at_once_on_worker_processes_on_postgresql(
    workers_stub: StubProcess, tmp_path: Path
) -> None:
    """The team's stub: ``caf-stub --db postgresql://… --workers N``, random codes (the
    session's, shared with tests/stub/test_workers.py: its workers take seconds to start)."""
    sent = eight_flows_at_once(workers_stub.url, tmp_path)
    assert_each_copy_got_its_own_code(sent)


def assert_each_copy_got_its_own_code(sent: list[dict[str, Any]]) -> None:
    codes_to = [m["to"] for m in sent if m["channel"] == "sms" or m["subject"] == CODE_SUBJECT]
    assert len(codes_to) == 8 and len(set(codes_to)) == 8  # one code for each copy
    demo = {PERSONAS["karim"].phone, PERSONAS["karim"].email, PERSONAS["claire"].email}
    assert not demo & {m["to"] for m in sent}  # no flow used the demo Karim or Claire
