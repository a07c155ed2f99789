"""FranceConnect in a browser: the link and its QR code, a countdown of the sign-in's
validity, and the portal polled until the person is signed in, it fails, or they cancel."""

from __future__ import annotations

import asyncio
import webbrowser
from datetime import UTC, datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from caf_tui.api import FranceConnectStart
from caf_tui.backend.errors import BackendError, BackendUnavailable
from caf_tui.i18n import _
from caf_tui.screens.franceconnect_parts import FranceConnectScreenBase, bottom_bar
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.countdown import Countdown, format_duration
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.qr_code import QrCode
from caf_tui.widgets.step_header import StepHeader


def validity_text(seconds: int) -> str:
    return _("Lien valable encore {duration}").format(duration=format_duration(seconds))


def expired_text() -> str:
    return _("Lien expiré : choisissez « Recommencer ».")


class FranceConnectBrowserScreen(FranceConnectScreenBase):
    CSS_PATH = stylesheet("franceconnect_browser")
    AUTO_FOCUS = "#cancel"

    def __init__(self, start: FranceConnectStart) -> None:
        super().__init__()
        self.start = start
        self._offset = start.server_time - datetime.now(UTC)
        self._timer: Timer | None = None
        self._polling = False

    def server_now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def compose(self) -> ComposeResult:
        yield StepHeader(_(words.FRANCECONNECT_SIGN_IN_TITLE))
        with VerticalScroll(classes="body"):
            yield Static(
                _(
                    "Ouvrez ce lien dans un navigateur, ou scannez le QR code avec votre "
                    "téléphone, puis connectez-vous avec FranceConnect :"
                )
            )
            yield Static(self.start.browser_url, id="url", markup=False)
            yield Countdown(
                self.start.expires_at,
                self.server_now,
                running=validity_text,
                finished=expired_text,
                id="validity",
            )
            yield Static(_("En attente de votre connexion sur FranceConnect…"), id="waiting")
            yield FieldError(id="error-form")
            yield StatusLine()
            yield QrCode(self.start.browser_url, id="qr")  # last: below, it may need scrolling
        yield bottom_bar(
            Button(_(words.RESTART), id="restart", variant="primary"),
            Button(_(words.CANCEL), id="cancel"),
            back_label=_(words.BACK),
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#restart").display = False
        self._timer = self.set_interval(self.start.poll_interval_seconds, self.poll)
        # A person at their own terminal: never in a test, never at a shared kiosk.
        if not self.app.is_headless and not self.caf.settings.kiosk:
            self.run_worker(self._open_browser(), group="browser")

    async def _open_browser(self) -> None:
        try:
            opened = await asyncio.to_thread(webbrowser.open, self.start.browser_url)
        except webbrowser.Error:
            opened = False
        if opened and self.is_attached:
            self.query_one("#waiting", Static).update(
                _("Le lien est ouvert dans votre navigateur. En attente de votre connexion…")
            )

    def poll(self) -> None:
        if not self._polling:
            self._polling = True
            self.run_worker(self._poll(), group="poll")

    async def _poll(self) -> None:
        try:
            await self.collect(self.start.flow_id)
        except BackendUnavailable:
            self.query_one(StatusLine).say(_("Service injoignable : nouvel essai dans un instant."))
        except BackendError as error:
            self.stop(error.message)
        else:
            if self.is_attached:
                self.query_one(StatusLine).say("")
        finally:
            self._polling = False

    def stop(self, message: str) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.query_one("#waiting").display = False
        self.query_one("#validity").display = False
        self.query_one("#qr").display = False  # the link is dead: nothing left to scan
        self.query_one("#error-form", FieldError).show(message)
        restart = self.query_one("#restart", Button)
        restart.display = True
        restart.focus()

    @on(Countdown.Expired)
    def expired(self) -> None:
        self.poll()  # the portal says so in its own words

    @on(Button.Pressed, "#restart")
    def restart(self) -> None:
        self.run_backend(self._restart)

    async def _restart(self) -> None:
        start = await self.caf.backend.start_franceconnect()
        # Switched once this worker is done: switching away cancels this screen's workers.
        self.app.call_later(self.app.switch_screen, FranceConnectBrowserScreen(start))
