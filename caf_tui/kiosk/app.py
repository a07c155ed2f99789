"""``KioskApp``: the app on a shared counter terminal (``caf-tui --kiosk``).

One person after another: a welcome screen, no keyring (the settings switch « Se souvenir de
moi » off), no command palette, no suspend, quit keys that ask for the staff PIN, and a wipe
after « Terminer », after the idle limit (with a warning a key extends) or at the absolute
limit of a visit. ``check_limits`` is what the one-second timer calls: tests call it directly
after moving ``idle.clock``.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.screen import Screen

from caf_tui.api import LoginStep
from caf_tui.app import CafApp, quit_key
from caf_tui.backend.base import Backend
from caf_tui.config import Settings
from caf_tui.i18n import N_
from caf_tui.kiosk.idle import IdleStatus, IdleWatcher, Monotonic, Phase
from caf_tui.kiosk.pin import PinGuard
from caf_tui.kiosk.pin_dialog import PinScreen
from caf_tui.kiosk.warning import IdleWarningScreen
from caf_tui.kiosk.welcome import WelcomeScreen
from caf_tui.kiosk.wipe import wipe_visit

#: What counts as the person being there. A mouse passing by does not.
ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


class KioskApp(CafApp):
    ENABLE_COMMAND_PALETTE: ClassVar[bool] = False
    #: The quit keys stay (they open the staff PIN dialog) but are not offered to the public.
    BINDINGS: ClassVar[list[BindingType]] = quit_key(N_("Sortie du personnel"), show=False)

    def __init__(
        self,
        settings: Settings | None = None,
        backend: Backend | None = None,
        *,
        clock: Monotonic | None = None,
    ) -> None:
        settings = settings or Settings()
        if not settings.kiosk:
            settings = settings.model_copy(update={"kiosk": True, "remember": False})
        super().__init__(settings, backend)
        watcher_clock = {"clock": clock} if clock is not None else {}
        self.idle = IdleWatcher(
            settings.kiosk_idle_seconds,
            settings.kiosk_warning_seconds,
            settings.kiosk_session_seconds,
            **watcher_clock,
        )
        self.pin_guard = PinGuard(**watcher_clock)
        self.warning: IdleWarningScreen | None = None
        self.wiping = False

    def first_screen(self) -> Screen[None]:
        return WelcomeScreen()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.check_limits, name="kiosk-idle")

    # --- the visit ----------------------------------------------------------------------------

    def begin_visit(self) -> None:
        """The welcome's Enter: the clocks start, the login shows."""
        if self.wiping or self.idle.running:
            return
        self.idle.start()
        self.go_to(LoginStep())

    def check_limits(self) -> None:
        status = self.idle.status()
        if status.phase is Phase.EXPIRED:
            self.start_wipe()
        elif status.phase is Phase.WARNING:
            self._show_warning(status)
        else:
            self._hide_warning()

    def start_wipe(self) -> None:
        if self.wiping:
            return
        self.wiping = True
        self.idle.stop()
        self.warning = None
        self.run_worker(self._wipe(), group="kiosk-wipe", exclusive=True)

    async def _wipe(self) -> None:
        try:
            await wipe_visit(self, WelcomeScreen())
        finally:
            self.wiping = False

    async def quit_journey(self) -> None:
        """« Terminer », « Se déconnecter », « Quitter »: the next person starts afresh."""
        self.start_wipe()

    # --- the warning --------------------------------------------------------------------------

    def _show_warning(self, status: IdleStatus) -> None:
        if self.warning is not None and self.warning in self.screen_stack:
            self.warning.update(status.remaining, status.extendable)
            return
        self.warning = IdleWarningScreen(status.remaining, status.extendable)
        self.push_screen(self.warning)

    def _hide_warning(self) -> None:
        warning, self.warning = self.warning, None
        if warning is not None and self.screen is warning:
            warning.dismiss()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ACTIVITY) and not event.is_forwarded:
            shown = self.warning is not None and self.screen is self.warning
            self.idle.touch()
            if shown and self.idle.status().phase is Phase.ACTIVE:
                # « Appuyez sur une touche pour continuer »: the key only closes the warning.
                self._hide_warning()
                return
        await super().on_event(event)

    # --- leaving: staff only ------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.ask_pin()

    def action_help_quit(self) -> None:
        self.ask_pin()

    def action_suspend_process(self) -> None:
        """No suspend on a kiosk: the public must not reach the shell."""

    def ask_pin(self) -> None:
        if any(isinstance(screen, PinScreen) for screen in self.screen_stack):
            return

        def decided(exit_now: bool | None) -> None:
            if exit_now:
                self.run_worker(CafApp.action_quit(self), group="kiosk")

        self.push_screen(PinScreen(self.settings.kiosk_pin_hash, self.pin_guard), decided)

    async def on_unmount(self) -> None:
        # A closed browser tab or a killed terminal: the session must not outlive the app.
        if self.journey.logged_in:
            try:
                await self.journey.logout()
            except Exception:  # closing must not fail because the network did
                self.log.warning("kiosk: logout at exit failed")
