"""« Modifier mes coordonnées de contact »: the phone and e-mail fields, checked here first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from caf_tui import rules
from caf_tui.i18n import N_, _
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.messages import FieldError


@dataclass(frozen=True)
class ContactField:
    label: str
    max_length: int
    example: str
    normalise: Callable[[str], str]


#: By the inputs' ids. Labels and examples are msgids, translated when shown.
FIELDS = {
    "phone": ContactField(words.MOBILE_PHONE, 32, N_("ex. 06 12 34 56 78"), rules.normalise_phone),
    "email": ContactField(
        words.EMAIL_ADDRESS, 254, N_("ex. prenom.nom@exemple.fr"), rules.normalise_email
    ),
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
        for name, field in FIELDS.items():
            yield Label(_(field.label))
            yield HelpedInput(
                self.on_file[name] or "",
                id=name,
                max_length=field.max_length,
                placeholder=_(field.example),
            )
            yield FieldError(id=f"error-{name}")
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
        for name, field in FIELDS.items():
            text = self.typed(name)
            if not text.strip() and self.on_file[name] is None:
                values[name] = None
                continue
            try:
                values[name] = field.normalise(text)
            except rules.RuleError as error:
                self.query_one(f"#error-{name}", FieldError).show(error.message)
                wrong.append(name)
        if wrong:
            self.query_one(f"#{wrong[0]}", Input).focus()
            return None
        return values
