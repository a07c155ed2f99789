"""The committed openapi.json is what the code publishes: a change to one needs the other."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _render() -> str:
    module = runpy.run_path(str(ROOT / "scripts" / "export_openapi.py"))
    rendered: str = module["render"]()
    return rendered


def test_openapi_json_matches_the_code() -> None:
    committed = (ROOT / "openapi.json").read_text(encoding="utf-8")
    assert committed == _render(), "run: python scripts/export_openapi.py, and review the diff"


def test_every_error_code_is_documented() -> None:
    from caf_tui.api import ErrorCode

    document = json.loads(_render())
    codes = document["components"]["schemas"]["ErrorCode"]["enum"]
    assert set(codes) == {code.value for code in ErrorCode}


def test_the_control_api_is_not_part_of_the_contract() -> None:
    document = json.loads(_render())
    assert document["paths"], "the contract has no paths"
    assert all(path.startswith("/api/v1/") for path in document["paths"])
