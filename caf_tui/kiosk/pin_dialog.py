"""Staff leave the kiosk with their PIN: a wrong one keeps the app open and says so."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from caf_tui.i18n import _
from caf_tui.kiosk.pin import PinGuard, verify_pin
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError


class PinScreen(ModalScreen[bool]):
    """Dismissed with True only for the right PIN; « Annuler » or Échap give False."""

    CSS_PATH = stylesheet("kiosk")
    AUTO_FOCUS = "#pin"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", words.CANCEL)]

    def __init__(self, pin_hash: SecretStr | None, guard: PinGuard) -> None:
        super().__init__()
        self.pin_hash = pin_hash
        self.guard = guard

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pin-dialog"):
            yield Static(_(words.STAFF_EXIT_TITLE), classes="dialog-title")
            if self.pin_hash is None:
                yield Static(
                    _(words.NO_STAFF_PIN),
                    id="pin-missing",
                )
            else:
                yield Static(_("Code du personnel"))
                yield Input(id="pin", password=True, max_length=32, restrict=r"[0-9]*")
                yield FieldError(id="error-pin")
            with Horizontal(classes="buttons"):
                yield Button(_(words.CANCEL), id="cancel")
                if self.pin_hash is not None:
                    yield Button(_("Quitter l'application"), id="exit", variant="error")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#exit")
    @on(Input.Submitted, "#pin")
    def check(self) -> None:
        self.run_worker(self._check(), exclusive=True)

    async def _check(self) -> None:
        field, error = self.query_one("#pin", Input), self.query_one("#error-pin", FieldError)
        pin, field.value = field.value, ""
        if self.pin_hash is None:
            return
        locked = self.guard.locked_for()
        if locked:
            error.show(_(words.PIN_TOO_MANY_TRIES).format(s=locked))
            return
        right = bool(pin) and await asyncio.to_thread(
            verify_pin, self.pin_hash.get_secret_value(), pin
        )
        if right:
            self.guard.succeeded()
            self.dismiss(True)
            return
        self.guard.failed()
        error.show(_(words.PIN_WRONG))
        field.focus()
