"""CRÉER MON COMPTE: what links the person to a file; the server then directs the journey."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet, Static

from caf_tui import help_texts, rules
from caf_tui.api.signup import SignupRequest
from caf_tui.i18n import _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import helps, words
from caf_tui.widgets.button import Button
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.toggles import ChoiceButton, TickBox

#: (field id, label, max length) in the order of the form.
FIELDS = (
    ("numero_allocataire", words.NUMERO_ALLOCATAIRE, 16),
    ("postal_code", words.POSTAL_CODE, 8),
    ("family_name", words.FAMILY_NAME, 80),
    ("given_names", words.GIVEN_NAMES, 120),
    ("birth_date", words.BIRTH_DATE, 10),
)


class CreateAccountScreen(SectionScreen):
    """Opened from the login screen's « Créer Mon Compte »."""

    HEADING = words.SIGNUP_TITLE
    AUTO_FOCUS = "#numero_allocataire"
    HELP = helps.CREATE_ACCOUNT

    def compose_form(self) -> ComposeResult:
        yield Static(_(words.SIGNUP_INTRO))
        for field_id, label, max_length in FIELDS:
            yield Label(_(label))
            yield HelpedInput(id=field_id, max_length=max_length)
            yield FieldError(id=f"error-{field_id}")
        yield TickBox(_(words.NO_NIR), id="no-nir")
        yield Label(_(words.NIR_LABEL), id="nir-label")
        yield HelpedInput(id="nir", max_length=40, help_text=help_texts.nir_help())
        yield FieldError(id="error-nir")
        with RadioSet(id="gender"):
            yield ChoiceButton(_(words.MADAME), id="gender-F")
            yield ChoiceButton(_(words.MONSIEUR), id="gender-M")
        yield FieldError(id="error-gender")
        yield Static(
            _(words.TEMPORARY_ID_GIVEN),
            id="temporary-note",
        )
        yield Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#retry").display = False
        self.show_nir(True)

    def show_nir(self, has_nir: bool) -> None:
        for selector in ("#nir-label", "#nir"):
            self.query_one(selector).display = has_nir
        for selector in ("#gender", "#temporary-note"):
            self.query_one(selector).display = not has_nir

    @on(TickBox.Changed, "#no-nir")
    def no_nir_changed(self, event: TickBox.Changed) -> None:
        self.show_nir(not event.value)
        self.query_one("#error-nir", FieldError).clear()

    @on(Input.Submitted)
    def next_or_send(self, event: Input.Submitted) -> None:
        """Enter goes to the next field shown, and sends the form from the last one."""
        shown = [field for field in self.query(Input) if field.display]
        index = shown.index(event.input)
        if index + 1 < len(shown):
            shown[index + 1].focus()
        else:
            self.send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "validate":
            self.send()

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def refuse(self, field_id: str, message: str) -> None:
        error = self.query_one(f"#error-{field_id}", FieldError)
        error.show(message)
        self.point_at(self.query_one(f"#{field_id}"), error)

    def checked(self) -> SignupRequest | None:
        """The request once every field passes the rules the stub applies too; else None with
        the first error shown beside its field."""
        has_nir = not self.query_one("#no-nir", TickBox).value
        checks = [
            ("numero_allocataire", rules.normalise_numero_allocataire),
            ("postal_code", rules.normalise_postal_code),
            ("family_name", lambda t: rules.normalise_name(t, _(words.FAMILY_NAME_WORD))),
            ("given_names", lambda t: rules.normalise_name(t, _(words.GIVEN_NAMES_WORD))),
        ]
        if has_nir:
            checks.append(("nir", rules.normalise_nir))
        try:
            for field_id, rule in checks:
                current = field_id
                rule(self.value(field_id))
            current = "birth_date"
            birth: date = rules.parse_birth_date(self.value("birth_date"))
        except rules.RuleError as error:
            self.refuse(current, error.message)
            return None
        pressed = self.query_one("#gender", RadioSet).pressed_button
        gender = (pressed.id or "")[-1] if pressed is not None else None
        if not has_nir and gender is None:
            self.refuse("gender", _("Choisissez « Madame » ou « Monsieur »."))
            return None
        try:
            return SignupRequest.model_validate(
                {
                    **{field_id: self.value(field_id) for field_id, _label, _n in FIELDS},
                    "birth_date": birth,
                    "nir": self.value("nir") if has_nir else None,
                    "gender": None if has_nir else gender,
                }
            )
        except ValidationError:  # a length the form already bounds: not expected
            self.refuse("numero_allocataire", _(words.CHECK_WHAT_WAS_TYPED))
            return None

    def send(self) -> None:
        self.clear_errors()
        request = self.checked()
        if request is None:
            return

        async def call() -> None:
            self.caf.go_to(await self.caf.journey.sign_up(request))

        self.run_backend(call)
