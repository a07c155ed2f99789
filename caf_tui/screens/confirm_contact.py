"""VÉRIFICATION DE MES COORDONNÉES DE CONTACT: check them, correct them, choose SMS or e-mail."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, RadioSet, Static

from caf_tui.api import Channel, ChannelOption, ConfirmContactStep, StepName
from caf_tui.i18n import _
from caf_tui.labels import contact_lines
from caf_tui.screens.registry import step_screen
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps import contact, words
from caf_tui.styles import stylesheet
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.button import Button
from caf_tui.widgets.contact_editor import ContactEditor
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.link_button import LinkButton
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader
from caf_tui.widgets.wrapping_toggles import WrappingChoiceButton


def option_label(option: ChannelOption) -> str:
    minutes = option.validity_seconds // 60
    if option.channel is Channel.SMS:
        where = option.destination or _("aucun numéro enregistré")
        return _("Par SMS au {where} (code valable {n} minutes)").format(where=where, n=minutes)
    where = option.destination or _("aucune adresse enregistrée")
    return _("Par e-mail à {where} (code valable {n} minutes)").format(where=where, n=minutes)


@step_screen(StepName.CONFIRM_CONTACT)
class ConfirmContactScreen(JourneyStepScreen[ConfirmContactStep]):
    CSS_PATH = stylesheet("confirm_contact")
    AUTO_FOCUS = "#channel"

    def compose(self) -> ComposeResult:
        step = self.step
        yield StepHeader(self.step_title(), step.progress)
        with VerticalScroll(classes="body"):
            yield Static(_(words.ALL_REQUIRED))
            yield Static(
                _(contact.CHECK_CONTACT_ADVICE),
                classes="section-title",
            )
            for line in contact_lines(step.phone, step.email):
                yield Bullet(line)
            yield LinkButton(_(words.EDIT_CONTACT), id="edit")
            editor = ContactEditor(step.phone, step.email, id="contact-edit")
            # Hidden from the start, not at mount: no second layout, and a screen left (or an
            # app closed) while it mounts finds nothing missing.
            editor.display = False
            yield editor
            yield Static(
                _(contact.CONFIRM_CONTACT.field("channel").question),
                classes="section-title",
            )
            with RadioSet(id="channel"):
                chosen = False
                for option in step.options:
                    usable = option.destination is not None
                    yield WrappingChoiceButton(
                        option_label(option),
                        value=usable and not chosen,
                        id=f"channel-{option.channel.value}",
                        disabled=not usable,
                    )
                    chosen = chosen or usable
            yield FieldError(id="error-channel")
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(
            Button(_(words.VALIDATE), id="validate", variant="primary", classes="submit")
        )
        yield KeysFooter()

    @property
    def editor(self) -> ContactEditor:
        return self.query_one(ContactEditor)

    def chosen_channel(self) -> Channel | None:
        pressed = self.query_one("#channel", RadioSet).pressed_button
        return None if pressed is None or pressed.id is None else Channel(pressed.id[8:])

    def ready(self) -> bool:
        return self.chosen_channel() is not None

    @on(RadioSet.Changed, "#channel")
    def channel_changed(self) -> None:
        self.update_submit()

    def show_editor(self, visible: bool) -> None:
        self.editor.display = visible
        self.query_one("#edit").display = not visible
        self.query_one("#phone" if visible else "#channel").focus()

    @on(Button.Pressed, "#edit")
    def open_editor(self) -> None:
        self.show_editor(True)

    @on(Button.Pressed, "#cancel-edit")
    def close_editor(self) -> None:
        self.show_editor(False)

    @on(Button.Pressed, "#validate")
    def validate(self) -> None:
        channel = self.chosen_channel()
        if self.editor.changed:
            self.query_one("#error-form", FieldError).show(
                _("Enregistrez ou annulez la modification de vos coordonnées avant de valider.")
            )
            self.query_one("#save").focus()
        elif channel is not None:
            self.submit(lambda backend: backend.confirm_contact(channel))

    @on(Input.Submitted, "#phone, #email")
    @on(Button.Pressed, "#save")
    def save_contact(self) -> None:
        """Checked here first; refused, what was typed stays, with the error beside it."""
        self.clear_errors()
        values = self.editor.checked_values()
        if values is None:
            return
        phone, email = values["phone"], values["email"]

        async def send() -> None:
            step = await self.caf.journey.submit(lambda b: b.update_contact(phone, email))
            self.app.notify(_(words.CONTACT_SAVED))
            self.caf.go_to(step)

        self.run_backend(send)
