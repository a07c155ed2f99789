"""What the journey's code screen and the forgotten password's share: the code field with its
error line, the pre-send check (a malformed code is named beside the field, nothing is sent),
« Valider » and Entrée, the demo outbox, and a refused code selected to be typed again."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import ClassVar, Protocol, TypeVar

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from caf_tui import help_texts, rules
from caf_tui.api import ErrorCode
from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.screens.base import StepCall
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.countdown import Countdown
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


class CodeStep(Protocol):
    @property
    def code_length(self) -> int: ...

    @property
    def expires_at(self) -> datetime: ...


C = TypeVar("C", bound=CodeStep)


class CodeEntryScreen(JourneyStepScreen[C]):
    """A step that asks for the code the server sent: ``above_code`` says where it went,
    ``below_countdown`` what else can be done, ``verify_call`` is the step's call."""

    AUTO_FOCUS = "#code"
    #: The journey's code shows how far the journey has come; the recovery's has no such line.
    SHOWS_PROGRESS: ClassVar[bool] = True

    def compose(self) -> ComposeResult:
        progress = getattr(self.step, "progress", None) if self.SHOWS_PROGRESS else None
        yield StepHeader(self.step_title(), progress)
        with VerticalScroll(classes="body"):
            yield from self.above_code()
            yield from self.code_field()
            yield Countdown(self.step.expires_at, self.caf.journey.server_now, id="code-countdown")
            yield from self.below_countdown()
            if self.caf.backend.has_demo_outbox:
                yield Button(_(words.OUTBOX), id="outbox", variant="warning")
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def above_code(self) -> ComposeResult:
        yield from ()

    def below_countdown(self) -> ComposeResult:
        yield from ()

    def code_field(self) -> ComposeResult:
        length = self.step.code_length
        yield HelpedInput(
            id="code",
            restrict=r"[0-9]*",
            max_length=length,
            placeholder=_(words.N_DIGITS).format(n=length),
            help_text=help_texts.code_not_received_help(),
        )
        yield FieldError(id="error-code")

    def verify_call(self, code: SecretStr) -> StepCall:
        raise NotImplementedError  # abstract: a Textual Screen cannot also be an ABC

    @on(Input.Submitted, "#code")
    @on(Button.Pressed, "#validate")
    def verify(self) -> None:
        self.clear_errors()
        code = self.checked_input(
            "code", partial(rules.normalise_code, length=self.step.code_length)
        )
        if code is not None:
            self.submit(self.verify_call(SecretStr(code)))

    @on(Button.Pressed, "#outbox")
    def open_outbox(self) -> None:
        from caf_tui.screens.demo_outbox import DemoOutboxScreen

        self.app.push_screen(DemoOutboxScreen())

    def note_refusal(self, error: BackendError, *, of_the_code: bool) -> None:
        """An expired code stops the countdown; a refused code is selected, so that the next
        digit typed replaces it."""
        if error.code is ErrorCode.OTP_EXPIRED:
            self.query_one("#code-countdown", Countdown).expire_now()
        if of_the_code:
            field = self.query_one("#code", Input)
            field.focus()
            field.select_all()
