"""Flow scripts: a journey written step by step, at the level of the journey, not of keys.

A flow is YAML (or JSON) validated by ``Flow``; its JSON schema is published in
``flows/flow.schema.json``. Secrets (passwords, codes) are never written in a script: a field
that takes one is filled with a ``${VARIABLE}``, whose value comes from the environment or, for
the demo personas, from the flow's ``variables`` defaults.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Self

import yaml
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from caf_stub.faults import FaultRule
from caf_tui.api import Channel, ErrorCode, StepName

VARIABLE = re.compile(r"\$\{([A-Z][A-Z0-9_]*|PERSONA(?:\.[a-z_]+){1,2})\}")
VARIABLE_NAME = r"^[A-Z][A-Z0-9_]*$"
PERSONA_PREFIX = "PERSONA."
"""``${PERSONA.nir}``, ``${PERSONA.zohra.password}``: a value of the flow's persona (or of one of
its household), the demo one on a private stub, a fresh copy's on a shared one (``persona.py``)."""
TAG = r"^[a-z][a-z0-9_]*$"
SECRET_FIELDS = frozenset({"password", "confirmation", "code"})
"""Fields whose value is a secret: a script may only fill them with a ``${VARIABLE}``."""
SCHEMA_ID = "https://caf-tui.invalid/flows/flow.schema.json"


def is_secret_field(name: str) -> bool:
    return name in SECRET_FIELDS or "password" in name


def variables_in(text: str) -> list[str]:
    return VARIABLE.findall(text)


class _Step(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def label(self) -> str:
        """One line saying what the step does (only references, never a secret's value)."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        return "; ".join(f"{key}: {_short(value)}" for key, value in data.items()) or "?"

    def references(self) -> list[str]:
        return variables_in(json.dumps(self.model_dump(mode="json")))


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={_short(v)}" for k, v in value.items())
    return str(value)


class Expect(_Step):
    """The person is on the screen of this step (the server directed it)."""

    expect: StepName


class FieldErrorExpected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str = Field(description="The field whose error is shown (identifier, password, code…).")


class ExpectError(_Step):
    """The last action was refused: by the server with this error code, or on the screen with
    an error shown beside ``field`` (checked before anything is sent)."""

    expect_error: ErrorCode | FieldErrorExpected


class ExpectText(_Step):
    """The screen shows this text."""

    expect_text: str = Field(min_length=1)


class ExpectNoText(_Step):
    """The screen does not show this text."""

    expect_no_text: str = Field(min_length=1)


class Fill(_Step):
    """Type into fields, named by id: identifier, password, confirmation, code, phone, email."""

    fill: dict[str, str] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_secret_in_clear(self) -> Self:
        for name, value in self.fill.items():
            if is_secret_field(name) and not VARIABLE.fullmatch(value):
                raise ValueError(
                    f"le champ « {name} » reçoit un secret : écrivez une variable, "
                    f"par exemple ${{{name.upper()}}}, jamais la valeur"
                )
        return self


class Tick(_Step):
    """Tick a check box, by its id (accept, temporary, no-nir)."""

    tick: str = Field(min_length=1)


class Choose(_Step):
    """Choose an option, by its id (sms, email, authorise, refuse, gender-F)."""

    choose: str = Field(min_length=1)


class Press(_Step):
    """Press a button, by its id, never its words (login, forgot, validate, resend)."""

    press: str = Field(min_length=1)


class Key(_Step):
    """Press a key (escape, enter, tab, f1…)."""

    key: str = Field(min_length=1)


class ReadCode(_Step):
    """Wait for the next code sent on this channel (the stub's outbox) and keep it in ``into``."""

    read_code: Channel
    into: str = Field(default="CODE", pattern=VARIABLE_NAME)
    timeout: float = Field(default=5.0, gt=0, le=60)


class ReadText(_Step):
    """Keep what the screen shows in ``into``: the group of the regular expression
    ``read_text`` (say ``(T[0-9]{8})``, a temporary identifier given on screen), found in the
    screen's text; the step fails when the screen does not show it."""

    read_text: str = Field(min_length=1)
    into: str = Field(pattern=VARIABLE_NAME)

    @model_validator(mode="after")
    def _one_group(self) -> Self:
        try:
            groups = re.compile(self.read_text).groups
        except re.error as exc:
            raise ValueError(f"expression « {self.read_text} » invalide : {exc}") from exc
        if groups != 1:
            raise ValueError(
                f"l'expression « {self.read_text} » doit avoir exactement un groupe entre "
                "parenthèses : le texte gardé"
            )
        return self

    def find(self, text: str) -> str | None:
        """The text kept from ``text``, or None when the screen does not show it."""
        match = re.search(self.read_text, text)
        return match.group(1) if match else None


class Include(_Step):
    """The steps of another flow (a shared login), with its variables; path relative to this
    file. ``load_flow`` puts them in place of this step: a loaded flow holds no Include."""

    include: str = Field(min_length=1)


class AdvanceClock(_Step):
    """Move the stub's clock by this many seconds."""

    advance_clock: float


class Screenshot(_Step):
    """Save the screen as ``NAME.svg`` in the report."""

    screenshot: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)


class Fault(_Step):
    """Inject a fault in the stub (latency, an error status, a dropped connection)."""

    fault: FaultRule


STEP_KINDS: dict[str, type[_Step]] = {
    "expect": Expect,
    "expect_error": ExpectError,
    "expect_text": ExpectText,
    "expect_no_text": ExpectNoText,
    "fill": Fill,
    "tick": Tick,
    "choose": Choose,
    "press": Press,
    "key": Key,
    "read_code": ReadCode,
    "read_text": ReadText,
    "advance_clock": AdvanceClock,
    "screenshot": Screenshot,
    "fault": Fault,
    "include": Include,
}


def _step_kind(value: Any) -> str | None:
    """The kind of a step: its first key that names one (``press: …`` is a Press)."""
    if isinstance(value, _Step):
        keys: Any = type(value).model_fields
    elif isinstance(value, dict):
        keys = value
    else:
        return None
    return next((key for key in keys if key in STEP_KINDS), None)


Step = Annotated[
    Annotated[Expect, Tag("expect")]
    | Annotated[ExpectError, Tag("expect_error")]
    | Annotated[ExpectText, Tag("expect_text")]
    | Annotated[ExpectNoText, Tag("expect_no_text")]
    | Annotated[Fill, Tag("fill")]
    | Annotated[Tick, Tag("tick")]
    | Annotated[Choose, Tag("choose")]
    | Annotated[Press, Tag("press")]
    | Annotated[Key, Tag("key")]
    | Annotated[ReadCode, Tag("read_code")]
    | Annotated[ReadText, Tag("read_text")]
    | Annotated[AdvanceClock, Tag("advance_clock")]
    | Annotated[Screenshot, Tag("screenshot")]
    | Annotated[Fault, Tag("fault")]
    | Annotated[Include, Tag("include")],
    Discriminator(
        _step_kind,
        custom_error_type="unknown_step",
        custom_error_message="étape inconnue : une étape commence par " + ", ".join(STEP_KINDS),
    ),
]


class Flow(BaseModel):
    """One journey to replay."""

    model_config = ConfigDict(extra="forbid", title="caf-tui flow")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)
    description: str = ""
    persona: str | None = Field(default=None, description="The demo persona (karim, claire…).")
    tags: list[Annotated[str, Field(pattern=TAG)]] = Field(
        default_factory=list,
        description="Markers of the flow's pytest items (smoke…): pytest -m smoke flows/.",
    )
    variables: dict[Annotated[str, Field(pattern=VARIABLE_NAME)], str | None] = Field(
        default_factory=dict,
        description=(
            "Names used as ${NAME}: the environment's value wins; else the default here "
            "(demo personas only); null means it must come from the environment."
        ),
    )
    stub: dict[str, Any] = Field(
        default_factory=dict,
        description="Settings of the fresh stub the flow runs against (e.g. fixed_code).",
    )
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _variables_declared(self) -> Self:
        if any(isinstance(step, Include) for step in self.steps):
            return self  # the included flows' variables are known once included (load_flow)
        known = set(self.variables)
        for number, step in enumerate(self.steps, start=1):
            for name in step.references():
                if name.startswith(PERSONA_PREFIX) and self.persona is None:
                    raise PydanticCustomError(
                        "persona_needed",
                        "étape {step} : ${{{name}}} demande un persona : ajoutez "
                        "« persona: » au parcours",
                        {"step": number, "name": name},
                    )
                if name not in known and not name.startswith(PERSONA_PREFIX):
                    raise PydanticCustomError(
                        "variable_undeclared",
                        "étape {step} : la variable ${{{name}}} n'est pas déclarée dans "
                        "« variables » (ni lue avant par read_code ou read_text)",
                        {"step": number, "name": name},
                    )
            if isinstance(step, ReadCode | ReadText):
                known.add(step.into)
        return self


class IncludeError(ValueError):
    """An ``include:`` that cannot be followed: a missing file, a cycle. ``step``: the number
    of the include step, in the file first read, that leads to it."""

    def __init__(self, message: str, step: int) -> None:
        super().__init__(message)
        self.step = step


def read_data(path: Path) -> Any:
    """A flow file's data, as written (includes not followed)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def _included(data: Any, path: Path, chain: tuple[Path, ...]) -> Any:
    """``data`` with each ``include:`` step replaced by the included flow's steps; the
    included variables come along, the including flow's own values winning."""
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        return data
    if not any(isinstance(step, dict) and "include" in step for step in data["steps"]):
        return data
    steps: list[Any] = []
    variables: dict[str, Any] = {}
    for number, step in enumerate(data["steps"], start=1):
        if not (isinstance(step, dict) and "include" in step):
            steps.append(step)
            continue
        target = (path.parent / str(step["include"])).resolve()
        where = f"{path.name}, étape {number}"
        if target in chain:
            names = " → ".join(p.name for p in (*chain, target))
            raise IncludeError(f"{where} : inclusion en boucle ({names})", number)
        if not target.is_file():
            raise IncludeError(
                f"{where} : le parcours inclus « {step['include']} » n'existe pas", number
            )
        try:
            inner = _included(read_data(target), target, (*chain, target))
        except IncludeError as error:
            raise IncludeError(str(error), number) from error
        if not isinstance(inner, dict) or not isinstance(inner.get("steps"), list):
            raise IncludeError(f"{where} : « {step['include']} » n'est pas un parcours", number)
        variables.update(inner.get("variables") or {})
        steps += inner["steps"]
    own = data.get("variables")
    return {
        **data,
        "variables": {**variables, **(own if isinstance(own, dict) else {})},
        "steps": steps,
    }


def load_flow(path: Path) -> Flow:
    """Read and validate a flow script (``.yaml``, ``.yml`` or ``.json``), includes followed."""
    data = _included(read_data(path), path, (path.resolve(),))
    return Flow.model_validate(data)


def dump_flow(flow: Flow) -> str:
    """The flow as YAML, one step a line where it fits."""
    data = flow.model_dump(mode="json", exclude_defaults=True)
    data["variables"] = flow.variables
    head = {key: value for key, value in data.items() if key != "steps"}
    text = yaml.safe_dump(head, allow_unicode=True, sort_keys=False, width=100)
    lines = [text.rstrip("\n"), "steps:"]
    for step in data["steps"]:
        flow_style = yaml.safe_dump(
            step, allow_unicode=True, sort_keys=False, default_flow_style=True, width=1000
        ).strip()
        lines.append(f"  - {flow_style}")
    return "\n".join(lines) + "\n"


def flow_schema() -> dict[str, Any]:
    schema = Flow.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(flow_schema(), indent=2, ensure_ascii=False) + "\n"
