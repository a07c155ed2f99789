"""``caf-tui replay --check``: flows validated, nothing run; each problem with its file and
line, in French (as ``vhs validate`` does for tapes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from caf_tui.replay.flow import STEP_KINDS, Flow, IncludeError, load_flow, read_data


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _french(error: ErrorDetails) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    where = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
    match kind:
        case "missing":
            return f"« {where} » manque"
        case "extra_forbidden":
            return f"clé inconnue « {error['loc'][-1]} »"
        case "string_pattern_mismatch":
            return f"« {where} » est mal formé (attendu : {ctx.get('pattern')})"
        case "enum" | "literal_error":
            expected = str(ctx.get("expected", "")).replace(" or ", " ou ")
            return f"« {error['input']} » n'est pas permis ici ; attendu : {expected}"
        case "too_short":
            return f"« {where} » est vide"
        case "value_error":
            return str(ctx.get("error", error["msg"]))
        case "unknown_step":
            return str(error["msg"])
        case _ if kind.endswith("_type") or kind.endswith("_parsing"):
            return f"« {where} » n'a pas le bon type ({kind.removesuffix('_type')} attendu)"
    return f"« {where} » : {error['msg']}"


def _node_line(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """The line (from 1) of the deepest node of ``loc`` the YAML document has."""
    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    after_index = False
    for part in loc:
        if after_index and part in STEP_KINDS:
            after_index = False
            continue  # the kind pydantic names a step by, no key of the file
        after_index = isinstance(part, int)
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # an unknown key: its own line
                child = next((k for k, _ in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            continue
        node, line = child, child.start_mark.line + 1
    return line


def check_file(path: Path) -> list[Problem]:
    """What is wrong with the flow at ``path`` (nothing: an empty list)."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = read_data(path)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        return [Problem(path, line, f"YAML illisible : {error.problem}")]
    except (OSError, ValueError, yaml.YAMLError) as error:
        return [Problem(path, 1, f"fichier illisible : {error}")]
    try:
        Flow.model_validate(data)  # this file as written: its lines
        load_flow(path)  # with its includes
    except ValidationError as error:
        return [Problem(path, _error_line(root, e), _french(e)) for e in error.errors()]
    except IncludeError as error:
        return [Problem(path, _node_line(root, ("steps", error.step - 1)), str(error))]
    return []


def _error_line(root: yaml.Node | None, error: ErrorDetails) -> int:
    """The line the error's location names, else the step its context names (the flow's own
    checks say which step), else the flow's first."""
    if error["loc"]:
        return _node_line(root, tuple(error["loc"]))
    step = error.get("ctx", {}).get("step")
    if isinstance(step, int):
        return _node_line(root, ("steps", step - 1))
    return _node_line(root, ())


def check_files(paths: list[Path]) -> list[Problem]:
    problems: list[Problem] = []
    for path in paths:
        problems += check_file(path)
    return problems
