"""The check every "new password" form makes before sending: journey, recovery, Gérer Mon Compte."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Input

from caf_tui import rules
from caf_tui.api import PasswordPolicy
from caf_tui.widgets.messages import FieldError


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
