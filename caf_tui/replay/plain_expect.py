"""A flow's expectations checked against the line mode: texts against what it said, kept values
and errors against what its prompter told, by field id."""

from __future__ import annotations

import re

from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import ExpectError
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.plain_session import PlainSession
from caf_tui.replay.text import norm

#: A field's value as the screens' text shows it: « <identifier : 1 83 05 …> ».
SHOWN_VALUE = re.compile(r"^<([a-z_]+) : (.*)>$")
HIDDEN = "***"


def expect_text(text: str, said: str, session: PlainSession, mark: int, typed: set[str]) -> None:
    """``mark``: where the output was when the last action began; ``typed``: the fields the
    last press answered."""
    shown = SHOWN_VALUE.match(text)
    if shown is None:
        if norm(text) not in norm(said):
            raise StepFailed(f"le texte « {text} » n'a pas été dit")
        return
    field, value = shown.group(1), shown.group(2)
    if value == HIDDEN:
        expect_secret_kept(field, typed, session)
    elif not value_kept(field, norm(value), session, mark):
        raise StepFailed(f"la valeur « {value} » du champ « {field} » n'a pas été gardée")


def value_kept(field: str, value: str, session: PlainSession, mark: int) -> bool:
    """A field still holding what was typed, since the last action: said back with its error,
    offered to keep (Entrée), or read back by the review."""
    if any(
        norm(typed or "") == value for name, typed in session.refused_since(mark) if name == field
    ):
        return True
    for asked in session.asked_since(mark):
        if asked.id == field and asked.shown is not None and norm(asked.shown) == value:
            return True
        if any(c.id == field and norm(c.shows or "") == value for c in asked.choices):
            return True
    return False


def expect_secret_kept(field: str, typed: set[str], session: PlainSession) -> None:
    """A secret is never said back: kept means it was typed in the last press and, after the
    refusal, is not asked again."""
    session.wait_question()
    if field not in typed or session.waiting.id == field:
        raise StepFailed(f"le champ secret « {field} » n'a pas été gardé")


def expect_error(
    step: ExpectError, backend: ObservedBackend, errors_mark: int, session: PlainSession, mark: int
) -> None:
    expected = step.expect_error
    if isinstance(expected, str):
        codes = [str(e.code) for e in backend.errors[errors_mark:]]
        if str(expected) not in codes:
            seen = ", ".join(codes) or "aucune"
            raise StepFailed(f"attendu l'erreur « {expected} » ; erreurs reçues : {seen}")
        return
    refused = [name for name, _typed in session.refused_since(mark)]
    if expected.field == "form":  # the form's own error: any error said will do
        if refused or backend.errors[errors_mark:]:
            return
        raise StepFailed("aucune erreur n'a été dite")
    if expected.field in refused:
        return
    # A form that cannot be sent without the field: the line mode asks for it instead.
    session.wait_question()
    if session.waiting.id == expected.field:
        return
    raise StepFailed(f"aucune erreur n'a été dite pour le champ « {expected.field} »")
