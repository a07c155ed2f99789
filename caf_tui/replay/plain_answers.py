"""A flow's ``press`` through the line mode: the questions it asks are answered in turn — a
field by its question, a choice by the option's words, the review by the answers to correct —
until the journey moves on."""

from __future__ import annotations

import re

from caf_tui.replay.failures import StepFailed
from caf_tui.replay.plain_session import PlainSession
from caf_tui.replay.plain_words import (
    MENU_LINE,
    OPTIONAL,
    QUIT_LABELS,
    REVIEW,
    SHORTCUT,
    SUBMITS,
    asks_for,
    norm,
    option_words,
    review_labels,
)

#: A flow's intention kept until the line mode asks for it: (kind, name, value).
Intent = tuple[str, str, str]
MAX_QUESTIONS = 40


class PressAnswers:
    """Answers the questions of one press; ``pending`` holds the flow's fills and choices."""

    def __init__(self, session: PlainSession, pending: list[Intent], label: str) -> None:
        self.session = session
        self.pending = pending
        self.label = label
        self.consumed = False
        self.answered: set[str] = set()  # the fields typed in this press
        self.kept: set[str] = set()  # the questions answered with Entrée
        self.reviewed = False
        self.pressed = False  # the press's own option was chosen: a later menu is not for it

    def fills_pending(self) -> bool:
        return any(kind == "fill" for kind, _, _ in self.pending)

    def give(self, line: str) -> None:
        self.session.answer(line)
        self.consumed = True

    def run(self) -> bool:
        """Answer until the press is done; False when there was nothing to do (a submit the
        line mode made by itself when the last question was answered)."""
        for _ in range(MAX_QUESTIONS):
            if not self.session.wait_question() or not self.step():
                break
        return self.consumed

    def step(self) -> bool:
        """Answer the question waiting; False when the press is over."""
        lines = self.session.asking()
        question = norm(lines[-1]) if lines else ""
        menu = [m for m in (MENU_LINE.match(line) for line in lines) if m]
        if REVIEW in question:
            return self.review(menu)
        if menu and not SHORTCUT.search(question):
            return self.menu(menu)
        field = self.field_for(question)
        if field is not None and field[1] not in self.answered:
            self.pending.remove(field)
            self.answered.add(field[1])
            self.give(field[2])
            return True
        if any(asks_for(question, name) for name in self.answered):
            return False  # the same question again: the answer was refused
        if norm(self.label) in QUIT_LABELS:
            self.give("q")  # « q » quits at every question
            self.label = ""
            return True
        shortcut = self.shortcut(question)
        if shortcut is not None and self.label:
            self.give(shortcut)
            self.label = ""
            return True
        if self.keep(question):
            return True
        if not self.fills_pending() and (self.consumed or norm(self.label) in SUBMITS):
            return False
        raise StepFailed(f"question sans réponse dans le script : {lines[-1] if lines else ''}")

    def keep(self, question: str) -> bool:
        """Entrée at a question that offers to keep its answer: when the flow fills another
        field, or submits the form as it stands (once per question: asked again, it was
        refused)."""
        offered = "appuyez sur entrée pour garder" in question or question.startswith(OPTIONAL)
        if not offered or question in self.kept:
            return False
        if self.fills_pending() or (norm(self.label) in SUBMITS and "garder" in question):
            self.kept.add(question)
            self.session.answer("")
            return True
        return False

    def menu(self, menu: list[re.Match[str]]) -> bool:
        number = self.menu_choice(menu)
        if number is not None:
            self.give(number)
            return True
        # Answered already, the journey moved on: what is left was not asked for.
        if self.consumed or (not self.fills_pending() and norm(self.label) in SUBMITS):
            return False
        options = ", ".join(m.group(2) for m in menu)
        raise StepFailed(f"aucun choix pour « {self.label} » parmi : {options}")

    def review(self, menu: list[re.Match[str]]) -> bool:
        """« Vérifiez vos réponses »: the number of an answer the flow fills anew, else Entrée
        to send — once: read back again, the server refused them."""
        for kind, name, _value in self.pending:
            if kind != "fill":
                continue
            labels = review_labels(name)
            for match in menu:
                if norm(match.group(2)).split(" : ")[0] in labels:
                    self.give(match.group(1))
                    return True
        if self.reviewed:
            return False
        self.reviewed = True
        self.give("")
        return True

    def field_for(self, question: str) -> Intent | None:
        for intent in self.pending:
            if intent[0] == "fill" and asks_for(question, intent[1]):
                if intent[1] == "password" and question.startswith("confirmation"):
                    continue
                return intent
        return None

    def shortcut(self, question: str) -> str | None:
        """The key of a shortcut the question offers (« 1 pour demander un nouveau code »),
        explained in this question or, when asked again more briefly, in an earlier one."""
        words = option_words(self.label)
        said = SHORTCUT.findall(question) or SHORTCUT.findall(norm(self.session.stdout.text))
        for number, meaning in reversed(said):
            if any(word and word in norm(meaning) for word in words):
                return str(number)
        return None

    def menu_choice(self, menu: list[re.Match[str]]) -> str | None:
        intents = [i for i in self.pending if i[0] in ("tick", "choose")]
        if not self.pressed:
            intents.append(("press", self.label, ""))
        for intent in intents:
            words = option_words(intent[1])
            for match in menu:
                option = norm(match.group(2))
                if any(word and word in option for word in words):
                    if intent[0] == "press":
                        self.pressed = True
                    else:
                        self.pending.remove(intent)
                    return match.group(1)
        return self.implied_choice(menu)

    def implied_choice(self, menu: list[re.Match[str]]) -> str | None:
        """The option a fill implies, when the line mode asks first what the screen shows."""
        fills = {name for kind, name, _value in self.pending if kind == "fill"}
        asked = norm(self.session.since_answer())
        if "avez-vous un numéro de sécurité sociale" in asked and "nir" in fills:
            return "1"  # « Oui, je le saisis », unless the flow ticks « no-nir »
        if "comment voulez-vous vous connecter" in asked and "identifier" in fills:
            return "1"  # with the NIR, unless the flow ticks « temporary »
        if fills & {"phone", "email"}:  # « Saisir la nouvelle coordonnée »
            return next((m.group(1) for m in menu if "saisir" in norm(m.group(2))), None)
        if "password" in fills:  # « Choisir un nouveau mot de passe » rather than the old one
            return next(
                (m.group(1) for m in menu if "nouveau mot de passe" in norm(m.group(2))), None
            )
        return None
