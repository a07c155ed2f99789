"""A wrong setting said in one line, in the chosen language: which setting, from where, what was
given, what is accepted. For any pydantic-settings model (the app's, the stub's)."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

from annotated_types import Ge, Gt
from pydantic import BaseModel, SecretStr, ValidationError
from pydantic.fields import FieldInfo

from caf_tui.i18n import N_, _

#: Where a setting came from when nothing set it.
DEFAULT_ORIGIN = N_("valeur par défaut")


def _least(field: FieldInfo) -> int | None:
    for item in field.metadata:
        if isinstance(item, Ge):
            return int(str(item.ge))
        if isinstance(item, Gt):
            return int(str(item.gt)) + 1
    return None


def _non_optional(annotation: Any) -> Any:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        kept = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return kept[0] if len(kept) == 1 else annotation
    return annotation


def is_secret(model: type[BaseModel], name: str) -> bool:
    return _non_optional(model.model_fields[name].annotation) is SecretStr


def accepted_values(model: type[BaseModel], name: str) -> str:
    """What setting ``name`` of ``model`` accepts, in words."""
    field = model.model_fields[name]
    annotation = _non_optional(field.annotation)
    if typing.get_origin(annotation) is Literal:
        return ", ".join(str(arg) for arg in typing.get_args(annotation))
    if annotation is bool:
        return _("1 ou 0 (aussi true/false, yes/no, on/off)")
    if annotation is int:
        least = _least(field)
        unit = (
            _("un nombre entier de secondes")
            if name.endswith("_seconds")
            else _("un nombre entier")
        )
        return unit if least is None else _("{unit}, au moins {n}").format(unit=unit, n=least)
    if annotation is SecretStr:
        return _("un hachage argon2 ($argon2id$…), donné par caf-tui kiosk-pin")
    pattern = next((item.pattern for item in field.metadata if hasattr(item, "pattern")), None)
    if pattern is not None and "https?" in str(pattern):
        return _("une adresse http:// ou https://")
    digits = re.fullmatch(r"\^\\d\{(\d+)\}\$", str(pattern)) if pattern else None
    if digits is not None:
        return _("exactement {n} chiffres").format(n=digits.group(1))
    if pattern is not None:
        return _("un texte de la forme {pattern}").format(pattern=pattern)
    if getattr(annotation, "__name__", "") == "datetime":
        return _("une date et une heure ISO 8601 (2026-11-27T09:00:00+00:00)")
    return _("un texte")


def _given(model: type[BaseModel], name: str, value: object) -> str:
    return _("(valeur masquée)") if is_secret(model, name) else f"« {value} »"


def problem_lines(
    model: type[BaseModel],
    error: ValidationError,
    origins: Mapping[str, str],
    between: Mapping[str, tuple[str, str]] | None = None,
    accepted_words: Mapping[str, str] | None = None,
) -> list[str]:
    """One line per problem of ``error``. ``origins`` says, in words, where each setting came
    from; ``between`` maps a rule between settings (a word of its message) to the setting it is
    said on and what that one accepts; ``accepted_words`` what a setting accepts, where its
    type cannot say (a list found at run time)."""
    lines: list[str] = []
    for problem in error.errors():
        accepted: str | None = None
        if problem["loc"]:
            name = str(problem["loc"][0])
        else:
            name, accepted = next(
                (
                    (setting, words)
                    for key, (setting, words) in (between or {}).items()
                    if key in problem["msg"]
                ),
                ("", problem["msg"]),
            )
        if name not in model.model_fields:
            lines.append(_("Réglages refusés : {message}.").format(message=problem["msg"]))
            continue
        given = problem["input"]
        if not problem["loc"] and isinstance(given, dict):
            given = given.get(name)
        lines.append(
            _(
                "Réglage {name} ({origin}) : {given} n'est pas accepté ; attendu : {accepted}."
            ).format(
                name=name,
                origin=origins.get(name, _(DEFAULT_ORIGIN)),
                given=_given(model, name, given),
                accepted=accepted
                or (accepted_words or {}).get(name)
                or accepted_values(model, name),
            )
        )
    return lines
