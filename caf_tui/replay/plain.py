"""Replay a flow through the line mode (``--plain``): the same steps, answered as questions.

The line mode runs in a thread with a standard input that waits for the replayer. Fields,
ticks and choices of a flow are kept until the line mode asks for them; ``press`` then answers
its questions in turn (a field by its question, a choice by the option's words) until the
journey moves on. Logging out or quitting ends the line mode: the next ``expect: login``
starts it again, as a person would.
"""

from __future__ import annotations

import io
import re
import threading
import time
from pathlib import Path

from caf_tui.config import Settings
from caf_tui.plain import run_plain
from caf_tui.replay.control import StubControl
from caf_tui.replay.flow import (
    AdvanceClock,
    Choose,
    Expect,
    ExpectError,
    ExpectNoText,
    ExpectText,
    Fault,
    Fill,
    Key,
    Press,
    ReadCode,
    ReadText,
    Screenshot,
    Tick,
    _Step,
)
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.tui import StepFailed
from caf_tui.replay.variables import Variables

PROMPT_TIMEOUT = 20.0
MENU_LINE = re.compile(r"^(\d+)\. (.+)$")
SHORTCUT = re.compile(r"(\d) pour ([^,)]+)")
#: Words that stand for an id of the screens in the line mode's options.
SYNONYMS = {
    "temporary": ["identifiant provisoire"],
    "accept": ["accepte", "continuer sur le portail"],
    "authorise": ["oui"],
    "refuse": ["non", "refuser"],
    "edit": ["modifier"],
    "no-nir": ["je n'ai pas de numéro"],
    "skip": ["passer"],
    "sms": ["sms"],
    "email": ["e-mail"],
    "quit": ["quitter"],
    "logout": ["se déconnecter"],
    "resend": ["demander"],
}
#: How the line mode's questions begin, per field id.
QUESTIONS = {
    "identifier": ["numéro de sécurité sociale", "identifiant provisoire"],
    "password": ["mot de passe", "nouveau mot de passe"],
    "confirmation": ["confirmation"],
    "code": ["code de vérification"],
    "phone": ["téléphone"],
    "email": ["adresse e-mail"],
    "login": ["identifiant"],
    "numero_allocataire": ["numéro allocataire"],
    "postal_code": ["code postal"],
    "family_name": ["nom"],
    "given_names": ["prénom"],
    "birth_date": ["date de naissance"],
    "nir": ["numéro de sécurité sociale"],
    "gender": ["civilité"],
}
#: Questions that may be left empty (Entrée) when the flow fills something else.
OPTIONAL = ("téléphone", "adresse e-mail")
LABELS = {
    "identifier": "Numéro de Sécurité sociale",
    "password": "Mot de passe",
    "birth_date": "Date de naissance",
    "gender": "Civilité",
}
#: Presses that the line mode does by itself once the questions are answered (the screens'
#: submit and back buttons): with nothing left to answer, they do nothing.
SUBMITS = frozenset({"valider", "connect", "save", "back", "retour", "enregistrer mes coordonnées"})
QUIT_LABELS = frozenset({"quitter", "quit"})
#: A field's value as the screens' text shows it: « <identifier : 1 83 05 …> ».
SHOWN_VALUE = re.compile(r"^<([a-z_]+) : (.*)>$")


def _norm(text: str) -> str:
    return " ".join(text.replace("«", "").replace("»", "").split()).casefold()


class _Input(io.StringIO):
    """Standard input that hands out the replayer's answers, one a question."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = threading.Condition()
        self._lines: list[str] = []
        self.asked = 0

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]
        with self._changed:
            self.asked += 1
            self._changed.notify_all()
            while not self._lines:
                self._changed.wait()
            return self._lines.pop(0)

    def send(self, line: str) -> None:
        with self._changed:
            self._lines.append(line)
            self._changed.notify_all()

    def wait_asked(self, count: int, alive: threading.Thread, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.asked < count:
                if not alive.is_alive():
                    return False
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StepFailed(
                        f"le mode ligne à ligne ne pose plus de question ({timeout} s)"
                    )
                self._changed.wait(min(left, 0.05))
        return True


class _Output(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._text = ""

    def write(self, text: str, /) -> int:
        with self._lock:
            self._text += text
        return len(text)

    @property
    def text(self) -> str:
        with self._lock:
            return self._text


class PlainSession:
    """One run of the line mode, in a thread."""

    def __init__(self, url: str) -> None:
        self.backend = ObservedBackend(url, label="replay")
        self.stdin, self.stdout = _Input(), _Output()
        self.answered = 0
        self.answer_at = 0
        self.thread = threading.Thread(target=self._run, name="plain-replay", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        settings = Settings.model_validate({"plain": True, "remember": False})
        run_plain(settings, stdin=self.stdin, stdout=self.stdout, backend=self.backend)

    def wait_question(self) -> bool:
        """True once the line mode waits for an answer; False when it has ended."""
        return self.stdin.wait_asked(self.answered + 1, self.thread, PROMPT_TIMEOUT)

    def answer(self, line: str) -> None:
        self.answered += 1
        self.answer_at = len(self.stdout.text)
        self.stdin.send(line + "\n")

    def since_answer(self) -> str:
        return self.stdout.text[self.answer_at :]

    def stop(self) -> None:
        if self.thread.is_alive():
            self.stdin.send("")
            self.thread.join(10)


class PlainDriver:
    """Performs a flow's steps on the line mode."""

    def __init__(
        self, url: str, variables: Variables, control: StubControl | None, shots: Path
    ) -> None:
        self.url = url
        self.variables = variables
        self.control = control
        self.shots = shots
        self.session = PlainSession(url)
        self.sessions = [self.session]
        self._pending: list[tuple[str, str, str]] = []  # (kind, name, value)
        self._mark = 0
        self._errors_mark = 0

    @property
    def backend(self) -> ObservedBackend:
        return self.session.backend

    def close(self) -> None:
        for session in self.sessions:
            session.stop()

    def text(self) -> str:
        return "\n".join(self.session.stdout.text.splitlines()[-40:])

    def since_action(self) -> str:
        return self.session.stdout.text[self._mark :]

    def _restart_if_ended(self) -> None:
        if not self.session.thread.is_alive():
            self.session = PlainSession(self.url)
            self.sessions.append(self.session)
            self._mark = 0

    def run(self, step: _Step) -> str | None:
        match step:
            case Expect():
                if step.expect.value == "login":
                    self._restart_if_ended()
                self.session.wait_question()
                current = self._current_step()
                if current != step.expect.value:
                    raise StepFailed(
                        f"attendu l'étape « {step.expect.value} », le mode ligne à ligne est à "
                        f"« {current} »"
                    )
            case ExpectError():
                self._expect_error(step)
            case ExpectText():
                self._expect_text(step.expect_text)
            case ExpectNoText():
                if _norm(step.expect_no_text) in _norm(self.since_action()):
                    raise StepFailed(f"le texte « {step.expect_no_text} » a été dit")
            case Fill():
                for name, template in step.fill.items():
                    self._pending.append(("fill", name, self.variables.resolve(template)))
            case Tick():
                self._pending.append(("tick", step.tick, ""))
            case Choose():
                self._pending.append(("choose", step.choose, ""))
            case Press():
                self._press(step.press)
            case Key():
                self._press("quit" if step.key == "escape" else "")
            case ReadCode():
                self._need_control().variables_code(self.variables, step)
            case ReadText():
                found = step.find(self.since_action())
                if found is None:
                    raise StepFailed(f"rien de ce qui a été dit ne répond à « {step.read_text} »")
                self.variables.set(step.into, found)
            case AdvanceClock():
                self._need_control().control.advance_clock(step.advance_clock)
            case Fault():
                rule = step.fault.model_dump(mode="json", exclude_none=True)
                self._need_control().control.add_fault(rule)
            case Screenshot():
                self.shots.mkdir(parents=True, exist_ok=True)
                path = self.shots / f"{step.screenshot}.txt"
                path.write_text(self.since_action(), encoding="utf-8")
                return path.name
        return None

    def _need_control(self) -> _Control:
        if self.control is None:
            raise StepFailed("cette étape demande l'API de contrôle /_stub du bouchon")
        return _Control(self.control)

    def _current_step(self) -> str:
        if not self.session.thread.is_alive():
            return "login"
        return self.backend.step

    def _expect_text(self, text: str) -> None:
        said = _norm(self.since_action())
        shown = SHOWN_VALUE.match(text)
        if shown is None:
            if _norm(text) not in said:
                raise StepFailed(f"le texte « {text} » n'a pas été dit")
            return
        # A field still holding what was typed: the line mode says it back with the error
        # (« Vous avez saisi : … ») or offers to keep it (« Appuyez sur Entrée pour garder … »).
        value = _norm(shown.group(2))
        if value == "***":
            raise StepFailed(
                "le mode ligne à ligne ne répète jamais un secret : étape propre à l'écran"
            )
        if f"saisi : {value}" not in said and f"garder {value}" not in said:
            raise StepFailed(
                f"la valeur « {shown.group(2)} » du champ « {shown.group(1)} » n'a pas été gardée"
            )

    def _asking(self) -> list[str]:
        """The lines said since the last answer, normalised: the question now waiting."""
        return [_norm(line) for line in self.session.since_answer().splitlines() if line.strip()]

    def _expect_error(self, step: ExpectError) -> None:
        expected = step.expect_error
        if isinstance(expected, str):
            codes = [str(e.code) for e in self.backend.errors[self._errors_mark :]]
            if str(expected) not in codes:
                seen = ", ".join(codes) or "aucune"
                raise StepFailed(f"attendu l'erreur « {expected} » ; erreurs reçues : {seen}")
            return
        said = _norm(self.since_action())
        if expected.field == "form":  # the form's own error: any error said will do
            if "erreur sur le champ" in said or self.backend.errors[self._errors_mark :]:
                return
            raise StepFailed("aucune erreur n'a été dite")
        label = _norm(LABELS.get(expected.field, expected.field))
        if "erreur sur le champ" in said and label in said:
            return
        # A form that cannot be sent without the field: the line mode asks for it instead.
        words = QUESTIONS.get(expected.field, [label])
        self.session.wait_question()
        if any(line.startswith(word) for line in self._asking() for word in words):
            return
        raise StepFailed(f"aucune erreur n'a été dite pour le champ « {expected.field} »")

    # --- answering questions ----------------------------------------------------------------

    def _press(self, label: str) -> None:
        marks = self._mark, self._errors_mark
        self._mark = len(self.session.stdout.text)
        self._errors_mark = len(self.backend.errors)
        if not self._answer_for(label):
            self._mark, self._errors_mark = marks  # nothing was done: nothing new was said
        self._pending.clear()

    def _answer_for(self, label: str) -> bool:
        """Answer the questions until the press is done; False when there was nothing to do
        (a submit the line mode made by itself when the last question was answered)."""
        consumed, answered_fields = False, set()
        for _ in range(40):
            if not self.session.wait_question():
                break
            said = self.session.since_answer()
            lines = [line for line in said.splitlines() if line.strip()]
            question = _norm(lines[-1]) if lines else ""
            menu = [m for m in (MENU_LINE.match(line) for line in lines) if m]
            if menu and not SHORTCUT.search(question):
                number = self._menu_choice(menu, label, said)
                if number is None:
                    # Answered already, the journey moved on: what is left was not asked for.
                    if consumed or (not self._fills_pending() and _norm(label) in SUBMITS):
                        break
                    options = ", ".join(m.group(2) for m in menu)
                    raise StepFailed(f"aucun choix pour « {label} » parmi : {options}")
                self.session.answer(number)
                consumed = True
                continue
            field = self._field_for(question)
            if field is not None and field[1] not in answered_fields:
                self._pending.remove(field)
                answered_fields.add(field[1])
                self.session.answer(field[2])
                consumed = True
                continue
            if any(question.startswith(w) for n in answered_fields for w in QUESTIONS.get(n, [n])):
                break  # the same question again: the answer was refused
            if label and _norm(label) in QUIT_LABELS:
                self.session.answer("q")  # « q » quits at every question
                label, consumed = "", True
                continue
            shortcut = self._shortcut(question, label)
            if shortcut is not None and label:
                self.session.answer(shortcut)
                label, consumed = "", True
                continue
            keep = "appuyez sur entrée pour garder" in question
            if (keep or question.startswith(OPTIONAL)) and self._fills_pending():
                self.session.answer("")
                continue
            if not self._fills_pending() and (consumed or _norm(label) in SUBMITS):
                break
            raise StepFailed(f"question sans réponse dans le script : {lines[-1] if lines else ''}")
        return consumed

    def _fills_pending(self) -> bool:
        return any(kind == "fill" for kind, _, _ in self._pending)

    def _field_for(self, question: str) -> tuple[str, str, str] | None:
        for intent in self._pending:
            kind, name, _ = intent
            if kind == "fill" and any(question.startswith(w) for w in QUESTIONS.get(name, [name])):
                if name == "password" and question.startswith("confirmation"):
                    continue
                return intent
        return None

    def _shortcut(self, question: str, label: str) -> str | None:
        """The key of a shortcut the question offers (« 1 pour demander un nouveau code »),
        explained in this question or, when asked again more briefly, in an earlier one."""
        words = SYNONYMS.get(label, [_norm(label)])
        said = SHORTCUT.findall(question) or SHORTCUT.findall(_norm(self.session.stdout.text))
        for number, meaning in reversed(said):
            if any(word and word in _norm(meaning) for word in words):
                return str(number)
        return None

    def _menu_choice(self, menu: list[re.Match[str]], label: str, said: str) -> str | None:
        candidates = [i for i in self._pending if i[0] in ("tick", "choose")]
        for intent in [*candidates, ("press", label, "")]:
            words = SYNONYMS.get(intent[1], [_norm(intent[1])])
            for match in menu:
                option = _norm(match.group(2))
                if any(word and word in option for word in words):
                    if intent[0] != "press":
                        self._pending.remove(intent)
                    return match.group(1)
        fills = {name for kind, name, _value in self._pending if kind == "fill"}
        asked = _norm(said)
        if "avez-vous un numéro de sécurité sociale" in asked and "nir" in fills:
            return "1"  # « Oui, je le saisis », unless the flow ticks « no-nir »
        if "comment voulez-vous vous connecter" in asked and "identifier" in fills:
            return "1"  # with the NIR, unless the flow ticks « temporary »
        if "password" in fills:  # « Choisir un nouveau mot de passe » rather than the old one
            return next(
                (m.group(1) for m in menu if "nouveau mot de passe" in _norm(m.group(2))), None
            )
        return None


class _Control:
    def __init__(self, control: StubControl) -> None:
        self.control = control

    def variables_code(self, variables: Variables, step: ReadCode) -> None:
        variables.set(step.into, self.control.next_code(step.read_code, step.timeout))
