"""A step the server asks for that this version of the app does not offer yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from caf_tui.api import OtherStep
from caf_tui.i18n import _
from caf_tui.screens.base import StepScreen
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader


class UnavailableStepScreen(StepScreen[OtherStep]):
    def compose(self) -> ComposeResult:
        yield StepHeader(_(words.UNAVAILABLE_TITLE))
        with VerticalScroll(classes="body"):
            yield Static(
                _(
                    "Le portail vous demande l'étape « {step} », qui n'est pas encore disponible "
                    "dans caf-tui. Terminez-la sur caf.fr ou avec l'application Caf - Mon Compte, "
                    "puis reconnectez-vous ici."
                ).format(step=self.step.step),
                id="unavailable-text",
            )
            yield FieldError(id="error-form")
            yield StatusLine()
            with Horizontal(classes="buttons"):
                yield Button(_(words.LOG_OUT), id="logout", classes="submit")
        yield KeysFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "logout":
            self.run_backend(self.caf.quit_journey)
