"""A flow's expectations checked against what the line mode said: texts, kept values, errors."""

from __future__ import annotations

import re

from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import ExpectError
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.plain_session import PlainSession
from caf_tui.replay.plain_words import LABELS, QUESTIONS, asks_for, norm, review_labels

#: A field's value as the screens' text shows it: « <identifier : 1 83 05 …> ».
SHOWN_VALUE = re.compile(r"^<([a-z_]+) : (.*)>$")
HIDDEN = "***"


def expect_text(text: str, said: str, session: PlainSession, typed: set[str]) -> None:
    """``typed``: the fields the last press answered."""
    shown = SHOWN_VALUE.match(text)
    if shown is None:
        if norm(text) not in norm(said):
            raise StepFailed(f"le texte « {text} » n'a pas été dit")
        return
    field, value = shown.group(1), shown.group(2)
    if value == HIDDEN:
        expect_secret_kept(field, typed, session)
    elif not value_kept(field, norm(value), said):
        raise StepFailed(f"la valeur « {value} » du champ « {field} » n'a pas été gardée")


def value_kept(field: str, value: str, said: str) -> bool:
    """A field still holding what was typed: the line mode says it back with the error
    (« Vous avez saisi : … »), offers to keep it (« Appuyez sur Entrée pour garder … ») or
    reads it back in the review (« 4. Prénom(s) : Luc », the last time it was read)."""
    text = norm(said)
    if f"saisi : {value}" in text or f"garder {value}" in text:
        return True
    labels = review_labels(field)
    read_back = [
        line.split(" : ", 1)[1]
        for line in map(norm, said.splitlines())
        if re.match(r"^\d+\. ", line) and line.split(". ", 1)[1].split(" : ")[0] in labels
    ]
    return bool(read_back) and read_back[-1] == value


def expect_secret_kept(field: str, typed: set[str], session: PlainSession) -> None:
    """A secret is never said back: kept means it was typed in the last press and, after the
    refusal, is not asked again."""
    session.wait_question()
    lines = session.asking()
    waiting = norm(lines[-1]) if lines else ""
    if field not in typed or asks_for(waiting, field):
        raise StepFailed(f"le champ secret « {field} » n'a pas été gardé")


def expect_error(
    step: ExpectError, said: str, backend: ObservedBackend, errors_mark: int, session: PlainSession
) -> None:
    expected = step.expect_error
    if isinstance(expected, str):
        codes = [str(e.code) for e in backend.errors[errors_mark:]]
        if str(expected) not in codes:
            seen = ", ".join(codes) or "aucune"
            raise StepFailed(f"attendu l'erreur « {expected} » ; erreurs reçues : {seen}")
        return
    text = norm(said)
    if expected.field == "form":  # the form's own error: any error said will do
        if "erreur sur le champ" in text or backend.errors[errors_mark:]:
            return
        raise StepFailed("aucune erreur n'a été dite")
    label = norm(LABELS.get(expected.field, expected.field))
    if "erreur sur le champ" in text and label in text:
        return
    # A form that cannot be sent without the field: the line mode asks for it instead.
    words = QUESTIONS.get(expected.field, [label])
    session.wait_question()
    asking = [norm(line) for line in session.asking()]
    if any(line.startswith(word) for line in asking for word in words):
        return
    raise StepFailed(f"aucune erreur n'a été dite pour le champ « {expected.field} »")
