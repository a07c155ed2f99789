"""The Textual application: holds the journey and shows the screen of the step it owes."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from caf_tui.api import StepName
from caf_tui.i18n import N_, set_language
from caf_tui.journey import LOGIN_START, Journey
from caf_tui.styles import kept, stylesheet
from caf_tui.styles.parsed import ParsedOnce
from caf_tui.textual_words import AppInOurWords
from caf_tui.themes import CUSTOM_THEMES, THEME_NAMES

if TYPE_CHECKING:
    from caf_tui.api import NextStep
    from caf_tui.backend.base import Backend
    from caf_tui.config import Settings

log = logging.getLogger(__name__)


def made_backend(settings: Settings) -> Backend:
    from caf_tui.backend import make_backend

    return make_backend(settings)


class BackendOnFirstUse:
    """The backend the settings ask for, made when first used (``warm_up``, once the login is
    painted): the HTTP client and the contract's models it loads are not needed to paint."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._backend: Backend | None = None

    def __getattr__(self, name: str) -> Any:
        if self._backend is None:
            self._backend = made_backend(self._settings)
        return getattr(self._backend, name)


def quit_key(description: str, *, show: bool) -> list[BindingType]:
    """Ctrl+Q, before any widget's own keys: leaving always works."""
    return [Binding("ctrl+q", "quit", description, show=show, priority=True)]


class CafApp(AppInOurWords[None]):
    TITLE = "Caf · Mon Compte"
    CSS_PATH = stylesheet("app")
    BINDINGS: ClassVar[list[BindingType]] = quit_key(N_("Fermer l'application"), show=True)
    #: Headless, whether frames are rendered at all (``screens.frames``): the replay says no.
    paints_headless: bool = True

    def __init__(
        self,
        settings: Settings | None = None,
        backend: Backend | None = None,
        *,
        validated_later: Callable[[], Settings] | None = None,
    ) -> None:
        """``validated_later``: the settings were read back from the cache (no pydantic before
        the first frame); it builds the real ones, once the login is painted."""
        if settings is None:
            from caf_tui.config import Settings

            settings = Settings()
        self.settings = settings
        self._validated_later = validated_later
        self._painted = False
        self._once_painted: list[Callable[[], object]] = []
        self._steps_on_their_way = 0
        set_language(self.settings.lang)
        super().__init__()
        kept.read_kept()
        self.stylesheet = ParsedOnce(variables=self.get_css_variables())
        if backend is None:
            # Painted from cached settings, the login comes before the client and the models.
            made = BackendOnFirstUse(settings) if validated_later else made_backend(settings)
            backend = cast("Backend", made)
        self.backend = backend
        self.journey = Journey(self.backend)
        # Chosen before the stylesheet is first read: set at mount, the theme had every rule
        # parsed and applied a second time before the first frame.
        for theme in CUSTOM_THEMES:
            self.register_theme(theme)
        self.theme = THEME_NAMES[self.settings.theme]

    def on_mount(self) -> None:
        self.push_screen(self.first_screen())

    def on_ready(self) -> None:
        # After the frame is written, not just composed: in a terminal, work done in this
        # handler (the client's and the models' imports) held the login back from the screen.
        self.call_after_refresh(self._after_the_first_frame)

    def when_painted(self, callback: Callable[[], object]) -> None:
        """``callback`` once the first frame is written and the app's own work after it done
        (after the next refresh when that is past): what would slow the frame waits for it."""
        if self._painted:
            self.call_after_refresh(callback)
        else:
            self._once_painted.append(callback)

    def _after_the_first_frame(self) -> None:
        self._painted = True
        for callback in self._once_painted:
            self.call_after_refresh(callback)
        self._once_painted.clear()
        if not gc.isenabled():  # held by the start (cli.collector_held_until_painted)
            # What the start made lives as long as the app: no collection need walk it again.
            gc.freeze()
            gc.enable()
        kept.keep()
        self.backend.warm_up()
        if self._validated_later is not None:
            self.run_worker(self._validate_settings, thread=True, exclusive=True)

    def _validate_settings(self) -> None:
        assert self._validated_later is not None
        try:
            self.settings = self._validated_later()
        except Exception:  # the same inputs validated last time: keep those values
            log.exception("settings validated after the first frame")

    def first_screen(self) -> Screen[None]:
        """The screen shown at start (the kiosk shows a welcome screen instead)."""
        from caf_tui.screens.registry import screen_class

        # Not the journey's step: its LoginStep would bring pydantic before the first frame.
        return screen_class(StepName.LOGIN)(LOGIN_START)

    class StepChanged(Message):
        """The journey is at a new step: its screen replaces the current one."""

        def __init__(self, step: NextStep) -> None:
            super().__init__()
            self.step = step

    def go_to(self, step: NextStep) -> None:
        """Show ``step`` once the caller (usually a screen's worker) is done: the switch runs in
        the app's own handler, so it never cancels the worker that asked for it."""
        self._steps_on_their_way += 1
        self.post_message(self.StepChanged(step))

    async def on_caf_app_step_changed(self, message: StepChanged) -> None:
        try:
            await self.show_step(message.step)
        finally:
            self._steps_on_their_way -= 1

    @property
    def screens_replaced_soon(self) -> bool:
        """A step is on its way: every screen shown now is about to be replaced by it."""
        return self._steps_on_their_way > 0

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
