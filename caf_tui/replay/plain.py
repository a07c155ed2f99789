"""Replay a flow through the line mode (``--plain``): the same steps, answered as questions.

The line mode runs in a thread with a standard input that waits for the replayer
(``plain_session``), whose prompter says what each question asks by id. Fields, ticks and
choices of a flow are kept until the line mode asks for them; ``press`` then answers its
questions in turn, by id (``plain_answers``), until the journey moves on; expectations read
what was said and what the prompter refused (``plain_expect``). Logging out or quitting ends
the line mode: the next ``expect: login`` starts it again, as a person would.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from caf_tui.replay.control import StubControl
from caf_tui.replay.failures import StepFailed
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
from caf_tui.replay.plain_answers import Intent, PressAnswers
from caf_tui.replay.plain_expect import expect_error, expect_text
from caf_tui.replay.plain_session import PlainSession
from caf_tui.replay.stub_steps import perform_on_stub
from caf_tui.replay.text import norm
from caf_tui.replay.variables import Variables
from caf_tui.steps import spec_for
from caf_tui.steps.spec import ActionRole

#: What Échap stands for: a section's « Retour », else « Quitter » (as on screen).
BACK, QUIT = "back", "quit"
SENDS = frozenset({ActionRole.PRIMARY, ActionRole.ALWAYS})


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
        self._pending: list[Intent] = []
        self._mark = 0
        self._errors_mark = 0
        self._typed: set[str] = set()  # the fields the last press answered

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
        if not self.session.alive:
            self.session = PlainSession(self.url)
            self.sessions.append(self.session)
            self._mark = 0

    async def run(self, step: _Step) -> str | None:
        """The step, performed in a thread: the line mode's questions are waited for there."""
        return await asyncio.to_thread(self._run, step)

    async def failure_picture(self) -> str | None:
        return None  # what was said is in the report's screen text

    def _run(self, step: _Step) -> str | None:
        match step:
            case Expect():
                self._expect_step(step.expect.value)
            case ExpectError():
                expect_error(step, self.backend, self._errors_mark, self.session, self._mark)
            case ExpectText():
                self._act_on_ticks()
                said = self.since_action()
                expect_text(step.expect_text, said, self.session, self._mark, self._typed)
            case ExpectNoText():
                if norm(step.expect_no_text) in norm(self.since_action()):
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
                self._press(self._escape() if step.key == "escape" else "")
            case ReadCode() | AdvanceClock() | Fault():
                perform_on_stub(step, self.control, self.variables)
            case ReadText():
                found = step.find(self.since_action())
                if found is None:
                    raise StepFailed(f"rien de ce qui a été dit ne répond à « {step.read_text} »")
                self.variables.set(step.into, found)
            case Screenshot():
                self.shots.mkdir(parents=True, exist_ok=True)
                path = self.shots / f"{step.screenshot}.txt"
                path.write_text(self.since_action(), encoding="utf-8")
                return path.name
        return None

    def _act_on_ticks(self) -> None:
        """On screen a tick acts at once (a right granted as it is ticked); the line mode asks
        it as a menu's choice, given with the next press. When the flow looks before pressing
        anything, the tick is given now, so that it sees what the screen would show."""
        kinds = {kind for kind, _name, _value in self._pending}
        if not kinds or not kinds <= {"tick", "choose"} or not self.session.wait_question():
            return
        offered = self.session.waiting
        if any(offered.key_of(name) is not None for _kind, name, _value in self._pending):
            self._press("")

    def _expect_step(self, expected: str) -> None:
        if expected == "login":
            self._restart_if_ended()
        self.session.wait_question()
        current = self.backend.step if self.session.alive else "login"
        if current != expected:
            raise StepFailed(
                f"attendu l'étape « {expected} », le mode ligne à ligne est à « {current} »"
            )

    def _escape(self) -> str:
        """Échap leaves a section (its « Retour »); elsewhere it quits, as on screen."""
        self.session.wait_question()
        return BACK if self.session.waiting.key_of(BACK) is not None else QUIT

    def _submits(self) -> frozenset[str]:
        """The buttons of the step now shown that send its answers: the line mode sends them
        by itself once its questions are answered."""
        spec = spec_for(self.backend.step) if self.session.alive else spec_for("login")
        if spec is None:
            return frozenset()
        return frozenset(a.id for a in spec.actions if a.role in SENDS)

    def _press(self, press: str) -> None:
        marks = self._mark, self._errors_mark
        self._mark = len(self.session.stdout.text)
        self._errors_mark = len(self.backend.errors)
        answers = PressAnswers(self.session, self._pending, press, self._submits())
        if answers.run():
            self._typed = answers.answered
        else:
            self._mark, self._errors_mark = marks  # nothing was done: nothing new was said
        self._pending.clear()
