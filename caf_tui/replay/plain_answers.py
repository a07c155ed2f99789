"""A flow's ``press`` through the line mode: the questions it asks are answered in turn, by the
ids the prompter gives them (``Asked``) — a field by its id, a menu by the id of a choice, the
review by the ids of the answers to correct — until the journey moves on."""

from __future__ import annotations

from caf_tui.plain.prompts import Asked
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.plain_session import PlainSession

#: A flow's intention kept until the line mode asks for it: (kind, id, value).
Intent = tuple[str, str, str]
MAX_QUESTIONS = 40
#: « q » quits at every question.
QUIT, QUIT_KEY = "quit", "q"
#: Presses the line mode does by itself once the questions are answered (the screens' submit
#: and back buttons): with nothing left to answer, they do nothing.
SUBMITS = frozenset({"validate", "connect", "save", "back", "validate-code"})


class PressAnswers:
    """Answers the questions of one press; ``pending`` holds the flow's fills and choices."""

    def __init__(
        self,
        session: PlainSession,
        pending: list[Intent],
        press: str,
        submits: frozenset[str] = SUBMITS,
    ) -> None:
        """``submits``: the presses the line mode makes by itself once the questions are
        answered (the step's own submit buttons); any other must be a choice it offers."""
        self.session = session
        self.pending = pending
        self.press = press
        self.submits = submits | SUBMITS
        self.offered: tuple[str, ...] = ()  # the ids of the press's first menu
        self.consumed = False
        self.answered: set[str] = set()  # the fields typed in this press
        self.kept: set[str] = set()  # the fields answered with Entrée
        self.reviewed = False
        self.pressed = False  # the press's own choice was made: a later menu is not for it

    def fills_pending(self) -> bool:
        return any(kind == "fill" for kind, _, _ in self.pending)

    def give(self, line: str) -> None:
        self.session.answer(line)
        self.consumed = True

    def run(self) -> bool:
        """Answer until the press is done; False when there was nothing to do (a submit the
        line mode made by itself when the last question was answered)."""
        for _ in range(MAX_QUESTIONS):
            if not self.session.wait_question() or not self.step(self.session.waiting):
                break
        if self.press and not self.pressed and self.press not in self.submits:
            # Answered by the fills alone: the press named nothing the line mode has.
            raise StepFailed(f"aucun choix « {self.press} » parmi : {', '.join(self.offered)}")
        return self.consumed

    def step(self, asked: Asked) -> bool:
        """Answer the question waiting; False when the press is over."""
        if asked.choices or asked.enter is not None:
            return self.menu(asked)
        fill = self.fill_for(asked.id)
        if fill is not None and asked.id not in self.answered:
            self.pending.remove(fill)
            self.answered.add(asked.id)
            self.give(fill[2])
            return True
        if asked.id in self.answered:
            return False  # the same question again: the answer was refused
        if self.press == QUIT:
            self.give(QUIT_KEY)
            self.press = ""
            return True
        key = asked.shortcuts.get(self.press) if self.press else None
        if key is not None:
            self.give(key)
            self.press = ""
            return True
        if self.keep(asked):
            return True
        if not self.fills_pending() and (self.consumed or self.press in self.submits):
            return False
        raise StepFailed(f"question sans réponse dans le script : « {asked.id} »")

    def fill_for(self, field: str) -> Intent | None:
        return next((i for i in self.pending if i[0] == "fill" and i[1] == field), None)

    def keep(self, asked: Asked) -> bool:
        """Entrée at a question that may be left as it is: when the flow fills another field,
        or submits the form as it stands (once per question: asked again, it was refused)."""
        if not (asked.keeps or not asked.required) or asked.id in self.kept:
            return False
        if self.fills_pending() or (self.press in self.submits and asked.keeps):
            self.kept.add(asked.id)
            self.session.answer("")
            return True
        return False

    def menu(self, asked: Asked) -> bool:
        if asked.enter is not None:
            return self.review(asked)
        if not self.offered:  # the first menu of the press: where its choice was due
            self.offered = tuple(choice.id for choice in asked.choices)
        key = self.menu_choice(asked)
        if key is not None:
            self.give(key)
            return True
        if self.press == QUIT and not self.pressed:  # no « Quitter » here: q quits too
            self.give(QUIT_KEY)
            self.press = ""
            return True
        # Answered already, the journey moved on: what is left was not asked for.
        if self.consumed or (not self.fills_pending() and self.press in self.submits):
            return False
        offered = ", ".join(choice.id for choice in asked.choices)
        raise StepFailed(f"aucun choix « {self.press} » parmi : {offered}")

    def menu_choice(self, asked: Asked) -> str | None:
        """The key of the choice the flow ticks, chooses or presses; else of the one that
        goes on to ask a field the flow fills (the line mode asks first what a screen shows)."""
        intents = [i for i in self.pending if i[0] in ("tick", "choose")]
        if not self.pressed:
            intents.append(("press", self.press, ""))
        for intent in intents:
            key = asked.key_of(intent[1])
            if key is not None:
                if intent[0] == "press":
                    self.pressed = True
                else:
                    self.pending.remove(intent)
                return key
        fills = {name for kind, name, _value in self.pending if kind == "fill"}
        for number, choice in enumerate(asked.choices, 1):
            if choice.asks & fills:
                return str(number)
        return None

    def review(self, asked: Asked) -> bool:
        """« Vérifiez vos réponses »: the number of an answer the flow fills anew, else what
        sends them — once: read back again, the server refused them."""
        named = {name for _kind, name, _value in self.pending}
        for number, choice in enumerate(asked.choices, 1):
            if choice.id in named or choice.asks & named:
                self.give(str(number))
                return True
        if self.reviewed:
            return False
        self.reviewed = True
        self.give(asked.key_of(asked.enter or "") or "")
        return True
