"""The demo's messages: what the stub "sent" by SMS or e-mail, newest first. Nothing real."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from phonenumbers import NumberParseException
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from caf_tui import rules
from caf_tui.api import OutboxMessage
from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.screens.frames import ShownAtCost
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button

if TYPE_CHECKING:
    from caf_tui.app import CafApp


def message_text(message: OutboxMessage) -> str:
    if message.channel == "sms":
        kind, to = _(words.SMS), _phone(message.to)
    else:
        kind, to = _(words.EMAIL), message.to
    head = _("{kind} à {to}, le {when:%d/%m/%Y à %H:%M:%S}").format(
        kind=kind, to=to, when=message.sent_at.astimezone()
    )
    lines = [head]
    if message.subject:
        lines.append(_(words.MESSAGE_SUBJECT).format(subject=message.subject))
    lines.append(message.body)
    return "\n".join(lines)


def _phone(number: str) -> str:
    try:
        return rules.format_phone(number)
    except NumberParseException:  # a number kept as typed: show it as it is
        return number


class DemoOutboxScreen(ShownAtCost, ModalScreen[None]):
    CSS_PATH = stylesheet("demo_outbox")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", words.CLOSE)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="outbox-dialog"):
            yield Static(
                _("MESSAGES REÇUS (DÉMO) — simulation : aucun SMS ni e-mail réel n'est envoyé"),
                classes="dialog-title",
            )
            with VerticalScroll(id="outbox-list"):
                yield Static(_(words.LOADING_MESSAGES), id="outbox-status")
            with Horizontal(classes="buttons"):
                yield Button(_("Actualiser"), id="refresh")
                yield Button(_(words.CLOSE), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#outbox-list").focus()
        self.load()

    def load(self) -> None:
        self.run_worker(self._fetch(), exclusive=True, group="outbox")

    async def _fetch(self) -> None:
        status = self.query_one("#outbox-status", Static)
        status.update(_(words.LOADING_MESSAGES))
        try:
            messages = await cast("CafApp", self.app).backend.demo_outbox()
        except BackendError as error:
            status.update(_(words.ERROR_SENTENCE).format(message=error.message))
            return
        listing = self.query_one("#outbox-list", VerticalScroll)
        await listing.query(".outbox-message").remove()
        messages = sorted(messages, key=lambda m: (m.sent_at, m.id), reverse=True)
        status.update(
            _("{n} message(s), du plus récent au plus ancien.").format(n=len(messages))
            if messages
            else _(words.NO_MESSAGE_YET)
        )
        await listing.mount_all(
            Static(message_text(m), markup=False, classes="outbox-message") for m in messages
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "refresh":
            self.load()
        else:
            self.dismiss()

    def action_close(self) -> None:
        self.dismiss()
