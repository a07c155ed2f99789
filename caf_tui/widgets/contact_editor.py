"""« Modifier mes coordonnées de contact »: the phone and e-mail fields, checked here first."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from caf_tui import rules
from caf_tui.i18n import _
from caf_tui.steps import words
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.messages import FieldError

CHECKS: dict[str, Callable[[str], str]] = {
    "phone": rules.normalise_phone,
    "email": rules.normalise_email,
}


class ContactEditor(Vertical):
    """Hidden until asked for. ``#save`` and ``#cancel-edit`` are handled by the screen; the
    inputs keep the ids ``phone`` and ``email`` so that server errors land beside them."""

    DEFAULT_CSS = """
    ContactEditor {
        height: auto;
    }
    """

    def __init__(self, phone: str | None, email: str | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.on_file = {"phone": phone, "email": email}

    def compose(self) -> ComposeResult:
        yield Label(_(words.MOBILE_PHONE))
        yield HelpedInput(
            self.on_file["phone"] or "",
            id="phone",
            max_length=32,
            placeholder=_("ex. 06 12 34 56 78"),
        )
        yield FieldError(id="error-phone")
        yield Label(_(words.EMAIL_ADDRESS))
        yield HelpedInput(
            self.on_file["email"] or "",
            id="email",
            max_length=254,
            placeholder=_("ex. prenom.nom@exemple.fr"),
        )
        yield FieldError(id="error-email")
        with Horizontal(classes="buttons"):
            yield Button(_(words.CANCEL), id="cancel-edit")
            yield Button(_(words.SAVE_CONTACT), id="save", classes="submit always")

    def typed(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    @property
    def changed(self) -> bool:
        """Open, with something else than what is on file."""
        return self.display and any(
            self.typed(name) != (value or "") for name, value in self.on_file.items()
        )

    def checked_values(self) -> dict[str, str | None] | None:
        """The normalised phone and e-mail, or None after showing each error beside its field
        (what was typed stays). A field left empty where nothing is on file stays unset."""
        values: dict[str, str | None] = {}
        wrong: list[str] = []
        for name, normalise in CHECKS.items():
            text = self.typed(name)
            if not text.strip() and self.on_file[name] is None:
                values[name] = None
                continue
            try:
                values[name] = normalise(text)
            except rules.RuleError as error:
                self.query_one(f"#error-{name}", FieldError).show(error.message)
                wrong.append(name)
        if wrong:
            self.query_one(f"#{wrong[0]}", Input).focus()
            return None
        return values
