"""CONDITIONS GÉNÉRALES D'UTILISATION: read them, tick the box, « Continuer »."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from caf_tui.api import AcceptTermsStep, StepName
from caf_tui.i18n import _
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps import words
from caf_tui.steps.migration import ACCEPT_TERMS
from caf_tui.styles import stylesheet
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader
from caf_tui.widgets.toggles import TickBox
from caf_tui.widgets.wrapping_toggles import WrappingTickBox


class TermsText(VerticalScroll):
    """The conditions, scrolled with the arrows, Page suivante / précédente, Début / Fin."""

    @property
    def help_text(self) -> str:
        return _(ACCEPT_TERMS.help)


@step_screen(StepName.ACCEPT_TERMS)
class TermsScreen(JourneyStepScreen[AcceptTermsStep]):
    CSS_PATH = stylesheet("terms")
    AUTO_FOCUS = "#terms-text"

    def compose(self) -> ComposeResult:
        yield StepHeader(self.step_title(), self.step.progress)
        with Vertical(classes="body"):
            yield Static(_(words.ALL_REQUIRED))
            with TermsText(id="terms-text"):
                for section in self.step.sections:
                    if section.heading:
                        yield Static(section.heading, markup=False, classes="terms-heading")
                    for paragraph in section.paragraphs:
                        yield Static(paragraph, markup=False, classes="terms-paragraph")
            yield WrappingTickBox(
                _(words.TERMS_ACCEPTED),
                id="accept",
            )
            yield Static(
                _(words.TICK_TO_CONTINUE),
                id="ready-hint",
                classes="hint",
            )
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.CONTINUE), id="continue", variant="primary", classes="submit")
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#terms-text").border_title = _(
            "Conditions générales (↑ ↓ pour faire défiler)"
        )

    def ready(self) -> bool:
        return self.query_one("#accept", TickBox).value

    @on(TickBox.Changed, "#accept")
    def accept_changed(self) -> None:
        self.update_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue" and self.ready():
            version = self.step.version
            self.submit(lambda backend: backend.accept_terms(version))
