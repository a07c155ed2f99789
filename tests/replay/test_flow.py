"""The flow format: validated, secrets only as variables, and its published schema current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from caf_tui.replay.flow import Flow, ReadText, dump_flow, flow_schema, load_flow
from caf_tui.replay.variables import MissingVariable, Variables

FLOWS = Path(__file__).resolve().parents[2] / "flows"


def test_the_published_schema_is_current() -> None:
    published = json.loads((FLOWS / "flow.schema.json").read_text(encoding="utf-8"))
    assert published == flow_schema(), "run: python scripts/export_flow_schema.py"


def test_every_flow_of_the_library_is_valid_and_round_trips(tmp_path: Path) -> None:
    files = sorted(FLOWS.glob("*.yaml"))
    assert len(files) >= 20
    for path in files:
        flow = load_flow(path)
        assert flow.name == path.stem
        again = tmp_path / path.name
        again.write_text(dump_flow(flow), encoding="utf-8")
        assert load_flow(again) == flow


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ({"fill": {"password": "83051234"}}, "jamais la valeur"),
        ({"fill": {"code": "123456"}}, "jamais la valeur"),
        ({"fill": {"new_password": "x"}}, "jamais la valeur"),
        ({"fill": {"code": "${NOT_DECLARED}"}}, "n'est pas déclarée"),
        ({"pres": "Valider"}, "étape inconnue"),
        ({"expect": "nowhere"}, "expect"),
        ({"expect_error": "no_such_code"}, "expect_error"),
        ({"read_text": "T[0-9]{8}", "into": "ID"}, "exactement un groupe"),
        ({"read_text": "(T)([0-9]{8})", "into": "ID"}, "exactement un groupe"),
        ({"read_text": "(T[0-9]{8}", "into": "ID"}, "invalide"),
        ({"read_text": "(T[0-9]{8})", "into": "lower"}, "into"),
    ],
)
def test_a_bad_step_is_refused_with_a_clear_message(step: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Flow.model_validate({"name": "x", "steps": [step]})


def test_a_code_read_earlier_may_be_used() -> None:
    flow = Flow.model_validate(
        {"name": "x", "steps": [{"read_code": "sms"}, {"fill": {"code": "${CODE}"}}]}
    )
    assert flow.steps[1].label() == "fill: code=${CODE}"


def test_a_text_read_on_screen_may_be_used_and_is_the_group_of_its_pattern() -> None:
    flow = Flow.model_validate(
        {
            "name": "x",
            "steps": [
                {"read_text": r"\b(T[0-9]{8})\b", "into": "TEMPORARY_ID"},
                {"fill": {"identifier": "${TEMPORARY_ID}"}},
            ],
        }
    )
    step = flow.steps[0]
    assert isinstance(step, ReadText)
    assert step.find("Pour y accéder, utilisez votre identifiant provisoire :\nT01234567\n") == (
        "T01234567"
    )
    assert step.find("Identifiant : T0123") is None


def test_variables_come_from_the_environment_first_then_the_defaults() -> None:
    variables = Variables({"A": "default", "B": None}, environ={"A": "from-env"})
    assert variables.resolve("${A}") == "from-env"
    with pytest.raises(MissingVariable, match="environnement"):
        variables.resolve("${B}")
    variables.set("B", "read")
    assert variables.resolve("x${B}") == "xread"
