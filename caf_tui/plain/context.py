"""What every step of the line mode uses: the terminal, the questions, the journey, and a way
to call the backend that survives a network failure without losing what was typed."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from caf_tui.api import JourneyResponse, NextStep, Progress
from caf_tui.backend.base import Backend
from caf_tui.backend.errors import BackendUnavailable, ServerError
from caf_tui.backend.retry import action_key, new_key
from caf_tui.i18n import _
from caf_tui.journey import Journey
from caf_tui.plain.help import retry_help
from caf_tui.plain.io import Terminal
from caf_tui.plain.prompts import Choice, Prompter, Watch
from caf_tui.plain.wording import title
from caf_tui.steps import has_session, spec_for, words
from caf_tui.steps.words import QUIT_JOURNEY

T = TypeVar("T")

#: How long a call may take before the line mode says it is waiting: a screen shows it at
#: once, but a line said before every answer would bury the answers for a screen reader.
SLOW_CALL_SECONDS = 0.5

StepCall = Callable[[Backend], Awaitable[JourneyResponse]]


class Finished(Exception):
    """The visit is over (the person logged out from the dashboard): the program ends."""


class Context:
    def __init__(
        self,
        terminal: Terminal,
        journey: Journey,
        runner: asyncio.Runner,
        *,
        tick: float,
        watch: Watch | None = None,
        kiosk: bool = False,
    ) -> None:
        self.terminal = terminal
        #: A shared counter terminal: nothing of the person's is written on its disk.
        self.kiosk = kiosk
        self.journey = journey
        self.runner = runner
        #: How often (seconds) the code's validity is looked at.
        self.tick = tick
        self.prompter = Prompter(terminal, confirm_quit=self.quit_question, watch=watch)

    def quit_question(self) -> str | None:
        """What quitting would lose, asked before quitting; None when nothing would be."""
        spec = spec_for(self.journey.step.step)
        if spec is None:
            return _(QUIT_JOURNEY)
        return _(spec.quit_question) if spec.quit_question else None

    @property
    def has_session(self) -> bool:
        """True once logged in: quitting then asks first, and leaving logs out."""
        return has_session(self.journey.step.step)

    @property
    def backend(self) -> Backend:
        return self.journey.backend

    def say(self, *lines: str) -> None:
        self.terminal.say(*lines)

    def heading(self, text: str, progress: Progress | None = None) -> None:
        """A new screen: an empty line, then its title."""
        self.terminal.blank()
        self.terminal.say(title(text, progress))

    def call(self, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
        """Run one backend call. When the service cannot be reached, say so and offer to try
        again or to quit; the same call (with what was typed) is sent again, under the same
        idempotency key: an answer lost on the way back is then given again, not acted twice."""
        key = new_key()
        while True:
            try:
                return self.runner.run(self._announced(make(), key))
            except (BackendUnavailable, ServerError) as error:
                self.say(error.message)
                choice = self.prompter.choose(
                    _(words.WHAT_NOW),
                    [Choice("retry", _(words.RETRY)), Choice("quit", _(words.QUIT))],
                    retry_help(),
                )
                if choice == 1:
                    self.prompter.quit()

    async def _announced(self, call: Coroutine[Any, Any, T], key: str) -> T:
        """``call`` as one action (``key``), with « Envoi en cours » said once if it is still
        running after a moment."""
        with action_key(key):  # set here: the runner runs each call in a context of its own
            task = asyncio.ensure_future(call)
        done, _pending = await asyncio.wait({task}, timeout=SLOW_CALL_SECONDS)
        if not done:
            self.say(_(words.SENDING))
        return await task

    def submit(self, call: StepCall) -> NextStep:
        """Send a step's answer; the server's answer becomes the journey's step."""
        return self.call(lambda: self.journey.submit(call))
