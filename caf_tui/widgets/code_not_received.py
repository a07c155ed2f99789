"""« Vous n'avez rien reçu ? »: what to do, « Demander » with its cooldown, and « Modifier mes
coordonnées de contact ». The buttons' presses bubble up to the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from caf_tui.i18n import _
from caf_tui.steps import words
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.countdown import Countdown, format_duration
from caf_tui.widgets.link_button import LinkButton
from caf_tui.widgets.messages import FieldError


def resend_wait_text(seconds: int) -> str:
    return _("Vous pourrez demander un nouveau code dans {duration}").format(
        duration=format_duration(seconds)
    )


def resend_ready_text() -> str:
    return _("Vous pouvez demander un nouveau code.")


class CodeNotReceived(Vertical):
    DEFAULT_CSS = """
    CodeNotReceived {
        height: auto;
    }
    CodeNotReceived .link-row {
        height: 1;
        padding-left: 2;
    }
    CodeNotReceived .link-row Static {
        width: auto;
    }
    CodeNotReceived #resend {
        margin-right: 1;
    }
    CodeNotReceived #resend-cooldown {
        padding-left: 4;
        color: $text-muted;
    }
    """

    def __init__(self, resend_available_at: datetime, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.resend_available_at = resend_available_at
        self.now = now

    def compose(self) -> ComposeResult:
        yield Static(_("Vous n'avez rien reçu ?"), classes="section-title")
        yield Bullet(_("Attendez quelques secondes."))
        yield Bullet(_("Vérifiez vos messages indésirables."))
        with Horizontal(classes="link-row"):
            yield Static("• ")
            yield LinkButton(_(words.RESEND), id="resend")
            yield Static(_("l'envoi d'un nouveau code."))
        yield Countdown(
            self.resend_available_at,
            self.now,
            running=resend_wait_text,
            finished=resend_ready_text,
            id="resend-cooldown",
        )
        yield FieldError(id="error-resend")
        with Horizontal(classes="link-row"):
            yield Static("• ")
            yield LinkButton(_(words.EDIT_CONTACT), id="change-contact")
            yield Static(".")
