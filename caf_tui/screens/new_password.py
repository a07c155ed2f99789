"""The check every "new password" form makes before sending: journey, recovery, Gérer Mon Compte."""

from __future__ import annotations

from typing import Protocol, TypeVar

from pydantic import SecretStr
from textual import on
from textual.dom import DOMNode
from textual.widgets import Input

from caf_tui import rules
from caf_tui.api import PasswordPolicy
from caf_tui.screens.step_parts import JourneyStepScreen
from caf_tui.widgets.button import Button
from caf_tui.widgets.messages import FieldError
from caf_tui.widgets.new_password import NewPasswordArea


class WithPolicy(Protocol):
    @property
    def policy(self) -> PasswordPolicy: ...


P = TypeVar("P", bound=WithPolicy)


def refuse_failing_rules(
    form: DOMNode, password: str, confirmation: str, policy: PasswordPolicy
) -> bool:
    """True when a rule fails: the checklist sentence is shown beside the field concerned
    (``#password``, or ``#confirmation`` when only the match fails) and the focus goes there."""
    checks = rules.check_password(password, confirmation, policy)
    failed = rules.failed_rules(checks)
    if not failed:
        return False
    field = "confirmation" if failed == [rules.PasswordRule.MATCH] else "password"
    form.query_one(f"#error-{field}", FieldError).show(rules.checklist_sentence(checks, policy))
    form.query_one(f"#{field}", Input).focus()
    return True


class NewPasswordStepScreen(JourneyStepScreen[P]):
    """A step that asks for a new password twice beside the live checklist (the journey's and
    the forgotten password's): « Valider » and Entrée check it; ``send_password`` sends."""

    @on(Input.Submitted, "#confirmation")
    @on(Button.Pressed, "#validate")
    def submitted(self) -> None:
        self.validate_password()

    def validate_password(self) -> None:
        """Send nothing while a rule fails: name the failing rules beside the field instead."""
        self.clear_errors()
        password, confirmation = self.query_one(NewPasswordArea).values()
        if refuse_failing_rules(self, password, confirmation, self.step.policy):
            return
        self.send_password(SecretStr(password), SecretStr(confirmation))

    def send_password(self, password: SecretStr, confirmation: SecretStr) -> None:
        """Each screen sends its own step's call (the journey's choose_password, the
        recovery's new password): the form around it is the same."""
        raise NotImplementedError  # abstract: a Textual Screen cannot also be an ABC

    def forget_inputs(self) -> None:
        for field in self.query(Input):
            field.value = ""

    def on_unmount(self) -> None:
        self.forget_inputs()
