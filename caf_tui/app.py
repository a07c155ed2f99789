"""The Textual application: holds the journey and shows the screen of the step it owes."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from caf_tui.api import LoginStep, NextStep
from caf_tui.backend import make_backend
from caf_tui.backend.base import Backend
from caf_tui.config import Settings
from caf_tui.i18n import N_, set_language
from caf_tui.journey import Journey
from caf_tui.styles import stylesheet
from caf_tui.styles.parsed import ParsedOnce
from caf_tui.textual_words import AppInOurWords
from caf_tui.themes import CUSTOM_THEMES, THEME_NAMES


class CafApp(AppInOurWords[None]):
    TITLE = "Caf · Mon Compte"
    CSS_PATH = stylesheet("app")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", N_("Fermer l'application"), show=True, priority=True),
    ]

    def __init__(self, settings: Settings | None = None, backend: Backend | None = None) -> None:
        self.settings = settings or Settings()
        set_language(self.settings.lang)
        super().__init__()
        self.stylesheet = ParsedOnce(variables=self.get_css_variables())
        self.backend = backend if backend is not None else make_backend(self.settings)
        self.journey = Journey(self.backend)

    def on_mount(self) -> None:
        for theme in CUSTOM_THEMES:
            self.register_theme(theme)
        self.theme = THEME_NAMES[self.settings.theme]
        self.push_screen(self.first_screen())

    def on_ready(self) -> None:
        self.backend.warm_up()

    def first_screen(self) -> Screen[None]:
        """The screen shown at start (the kiosk shows a welcome screen instead)."""
        from caf_tui.screens.registry import screen_for

        return screen_for(LoginStep())

    class StepChanged(Message):
        """The journey is at a new step: its screen replaces the current one."""

        def __init__(self, step: NextStep) -> None:
            super().__init__()
            self.step = step

    def go_to(self, step: NextStep) -> None:
        """Show ``step`` once the caller (usually a screen's worker) is done: the switch runs in
        the app's own handler, so it never cancels the worker that asked for it."""
        self.post_message(self.StepChanged(step))

    async def on_caf_app_step_changed(self, message: StepChanged) -> None:
        await self.show_step(message.step)

    async def show_step(self, step: NextStep) -> None:
        """Replace the current screen with the view of ``step`` (dialogs on top are closed)."""
        from caf_tui.screens.registry import screen_for

        while len(self.screen_stack) > 2:
            self.pop_screen()
        await self.switch_screen(screen_for(step))

    async def quit_journey(self) -> None:
        """« Quitter » / « Se déconnecter »: end the session on the server, back to the login."""
        await self.journey.logout()
        self.go_to(self.journey.step)

    def session_lost(self, message: str) -> None:
        """The server ended the session: back to the login, saying why."""
        self.go_to(self.journey.session_lost(message))

    async def action_quit(self) -> None:
        if self.journey.logged_in:
            # Closing must not fail because the network did.
            with contextlib.suppress(Exception):
                await self.journey.logout()
        self.exit()

    async def on_unmount(self) -> None:
        await self.backend.aclose()
