"""The new password asked twice beside the live checklist: the journey's, the forgotten
password's and « Changer mon mot de passe » show the same area (``#password-area``)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from caf_tui.api import PasswordPolicy
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.steps import words
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.password_field import PasswordField
from caf_tui.widgets.rule_checklist import RuleChecklist

FIELDS = {"password": words.NEW_PASSWORD, "confirmation": words.CONFIRMATION}


class NewPasswordArea(Vertical):
    """Both fields with their error lines (the rules as their help), then the checklist, kept
    up to date as each key is typed. ``beside``: the fields in a column of their own
    (``#password-fields``), for a stylesheet that puts the checklist beside them."""

    def __init__(self, policy: PasswordPolicy, *, beside: bool = False) -> None:
        super().__init__(id="password-area")
        self.policy = policy
        self.beside = beside

    def compose(self) -> ComposeResult:
        if self.beside:
            with Vertical(id="password-fields"):
                yield from self.fields()
        else:
            yield from self.fields()
        yield RuleChecklist(self.policy, id="checklist")

    def fields(self) -> ComposeResult:
        help_text = _(words.RULES_SENTENCE).format(rules=" ; ".join(policy_lines(self.policy)))
        for field_id, label in FIELDS.items():
            yield Label(_(label))
            yield PasswordField(field_id, help_text=help_text)
            yield FieldError(id=f"error-{field_id}")

    def on_mount(self) -> None:
        # A watcher runs as the key changes the value, so the checklist is repainted in the
        # same frame as the field; an Input.Changed arrives after the field's own frame.
        for field_id in FIELDS:
            self.watch(self.query_one(f"#{field_id}", Input), "value", self.typed, init=False)

    def values(self) -> tuple[str, str]:
        password, confirmation = (self.query_one(f"#{name}", Input).value for name in FIELDS)
        return password, confirmation

    def typed(self) -> None:
        self.query_one(RuleChecklist).update(*self.values())

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Keep the checklist in view while typing, on short or narrow terminals too."""
        if isinstance(event.widget, Input):
            self.scroll_visible(top=True, animate=False)

    @on(Input.Submitted, "#password")
    def to_confirmation(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#confirmation", Input).focus()
