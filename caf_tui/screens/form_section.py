"""One form of a section (``caf_tui.steps.sections.FormSpec``), composed from its description:
its fields, then the summary to confirm (« Modifier » keeps what was typed), then the « accusé
de réception ». A refusal is shown beside its field, the form back in view."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, RadioSet, Static

from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import sections
from caf_tui.steps.sections import FormSpec, Summary, Typed
from caf_tui.steps.spec import FieldKind, FieldSpec
from caf_tui.widgets.assist_bar import AssistBar
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.toggles import ChoiceButton


class FormSectionScreen(SectionScreen):
    # Its parts grow with their fields, so that the body scrolls to the one refused.
    DEFAULT_CSS = """
    FormSectionScreen #form-fields, FormSectionScreen #form-summary,
    FormSectionScreen #form-receipt {
        height: auto;
    }
    """

    def __init__(self, form: FormSpec) -> None:
        super().__init__()
        self.form = form
        self.focus_when_done = ""

    def heading(self) -> str:
        return self.form.words(self.form.title).upper()

    def screen_help(self) -> str:
        return self.form.words(self.form.help)

    def compose_form(self) -> ComposeResult:
        form = self.form
        with Vertical(id="form-fields"):
            yield Static(form.words(form.intro), markup=False, id="form-intro")
            for field in form.fields:
                yield from self.compose_field(field)
            with Horizontal(classes="buttons"):
                yield Button(_(sections.CHECK), id="check", variant="primary", classes="submit")
        with Vertical(id="form-summary"):
            yield Static(_(sections.SUMMARY_TITLE), classes="section-title")
            yield Static("", markup=False, id="summary-lines")
            with Horizontal(classes="buttons"):
                yield Button(_(sections.EDIT), id="edit")
                yield Button(_(sections.SEND), id="send", variant="primary", classes="submit")
        with Vertical(id="form-receipt"):
            yield Static(_(sections.RECEIPT_TITLE), classes="section-title")
            yield Static("", markup=False, id="receipt-lines")

    def compose_field(self, field: FieldSpec) -> ComposeResult:
        label = self.form.words(field.label)
        yield Static(label, markup=False, id=f"{field.id}-label", classes="field-label")
        if field.kind is FieldKind.CHOICE:
            with RadioSet(id=field.id):
                for option in field.options:
                    yield ChoiceButton(self.form.words(option.label), id=f"{field.id}-{option.id}")
        else:
            yield Input(id=field.id, placeholder=self.form.words(field.help))
        yield FieldError(id=f"error-{field.id}")

    def on_mount(self) -> None:
        self.query_one("#retry").display = False
        self.show_part("form-fields")
        self.query_one(f"#{self.form.fields[0].id}").focus()
        if self.caf.settings.assist:  # the staff note of this form, under the header
            AssistBar.attach(self, sections.ASSIST_PREFIX + self.form.id, None)

    def show_part(self, part: str) -> None:
        for name in ("form-fields", "form-summary", "form-receipt"):
            self.query_one(f"#{name}").display = name == part

    def typed(self) -> Typed:
        typed: Typed = {}
        for field in self.form.fields:
            if field.kind is FieldKind.CHOICE:
                pressed = self.query_one(f"#{field.id}", RadioSet).pressed_button
                typed[field.id] = (pressed.id or "").removeprefix(f"{field.id}-") if pressed else ""
            else:
                typed[field.id] = self.query_one(f"#{field.id}", Input).value
        return typed

    def check(self) -> None:
        """The fields' rules first, then the server's summary."""
        self.clear_errors()
        typed = self.typed()
        refused = self.form.refusal(typed)
        if refused is not None:
            field, message = refused
            self.query_one(f"#error-{field}", FieldError).show(message)
            self.point_at(self.query_one(f"#{field}"), self.field_error(field))
            return

        async def summary() -> None:
            self.show_summary(await self.form.summary(self.caf.backend, typed))

        self.run_backend(summary)

    def show_summary(self, summary: Summary) -> None:
        lines = [summary.title, *sections.summary_lines(summary)]
        self.query_one("#summary-lines", Static).update("\n".join(lines))
        self.show_part("form-summary")
        self.focus_when_done = "#send"

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        # « Envoyer » is disabled while a call runs: it takes the focus once enabled again.
        if not busy and self.focus_when_done:
            self.query_one(self.focus_when_done).focus()
            self.focus_when_done = ""

    def send(self) -> None:
        typed = self.typed()

        async def send() -> None:
            receipt = await self.form.send(self.caf.backend, typed)
            self.query_one("#receipt-lines", Static).update(
                "\n".join(sections.receipt_lines(receipt))
            )
            self.show_part("form-receipt")
            self.focus_when_done = "#back"

        self.run_backend(send)

    def show_error(self, error: BackendError) -> None:
        if error.field and any(field.id == error.field for field in self.form.fields):
            self.show_part("form-fields")  # the field to correct, with what was typed
        super().show_error(error)
        if not error.field:
            form_error = self.field_error(None)
            if form_error is not None:
                self.call_after_refresh(form_error.scroll_visible, animate=False)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        ids = [field.id for field in self.form.fields]
        index = ids.index(event.input.id or ids[-1])
        if index < len(ids) - 1:
            self.query_one(f"#{ids[index + 1]}").focus()
        else:
            self.check()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "check":
                self.check()
            case "edit":
                self.show_part("form-fields")
                self.query_one(f"#{self.form.fields[0].id}").focus()
            case "send":
                self.send()
