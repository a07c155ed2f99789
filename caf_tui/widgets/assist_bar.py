"""Assisted mode on screen: the staff note under the header, the step's and the error's stable
names, and the hand-over view (F2) that hides every secret field before staff turn the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from caf_tui import assist
from caf_tui.i18n import _
from caf_tui.widgets.password_field import PasswordField
from caf_tui.widgets.step_header import StepHeader

if TYPE_CHECKING:
    from caf_tui.api import Progress

#: Fields whose value is a secret even when shown in clear (« Afficher »).
SECRET_FIELDS = frozenset({"password", "confirmation", "code", "pin", "new-password"})
#: The class the app carries while the hand-over view is on.
HANDOVER = "-handover"


class AssistBar(Vertical):
    """« Pour l'agent : … » and « Étape 2/3 · verify_code · E-OTP-EXPIRED »."""

    DEFAULT_CSS = """
    AssistBar {
        height: auto;
        padding: 0 1;
        border-left: thick $accent;
        background: $boost;
    }
    AssistBar #assist-where {
        text-style: bold;
    }
    AssistBar #assist-handover {
        text-style: bold reverse;
    }
    """

    error_code: reactive[str | None] = reactive(None)

    def __init__(self, step: str, progress: Progress | None) -> None:
        super().__init__(id="assist-bar")
        self.step_name = step
        self.progress = progress

    def compose(self) -> ComposeResult:
        yield Static(self.where(), id="assist-where", markup=False)
        yield Static(
            _("Pour l'agent : {note}").format(note=assist.note_for(self.step_name)),
            id="assist-note",
            markup=False,
        )
        yield Static(
            _("VUE DE REMISE : les champs secrets sont masqués. F2 pour revenir."),
            id="assist-handover",
        )

    def on_mount(self) -> None:
        self.query_one("#assist-handover").display = self.app.has_class(HANDOVER)

    def where(self) -> str:
        return assist.where_label(self.step_name, self.progress, self.error_code)

    def watch_error_code(self) -> None:
        if self.is_mounted:
            self.query_one("#assist-where", Static).update(self.where())

    @classmethod
    def attach(cls, screen: Screen[Any], step: str, progress: Progress | None) -> None:
        """Mount the bar under the screen's header (or at its top), in the hand-over view if on."""
        bar = cls(step, progress)
        headers = screen.query(StepHeader)
        if headers:
            headers.first().mount(bar)
        else:
            screen.mount(bar, before=0)
        if screen.app.has_class(HANDOVER):
            hide_secrets(screen)


def is_secret(field: Input) -> bool:
    return (
        field.password
        or (field.id or "") in SECRET_FIELDS
        or field.has_class("secret")
        or isinstance(field.parent, PasswordField)
    )


_shown_in_clear: WeakKeyDictionary[Input, bool] = WeakKeyDictionary()


def hide_secrets(screen: Screen[Any]) -> None:
    """Mask every secret field of ``screen`` and do not draw it at all (not even its dots)."""
    for field in screen.query(Input).results(Input):
        if is_secret(field) and field.visible:
            _shown_in_clear[field] = not field.password
            field.password = True
            field.visible = False
            if screen.focused is field:
                screen.set_focus(None)
    for note in screen.query("#assist-handover"):
        note.display = True


def show_secrets(screen: Screen[Any]) -> None:
    for field in screen.query(Input).results(Input):
        if field in _shown_in_clear:
            field.password = not _shown_in_clear.pop(field)
            field.visible = True
    for note in screen.query("#assist-handover"):
        note.display = False


def toggle_handover(screen: Screen[Any]) -> bool:
    """F2: the hand-over view on or off for the app (screens shown later follow). Returns on."""
    app = screen.app
    on = not app.has_class(HANDOVER)
    app.set_class(on, HANDOVER)
    for shown in app.screen_stack:
        (hide_secrets if on else show_secrets)(shown)
    return on
