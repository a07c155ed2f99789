"""The pre-send check of a typed verification code, shared by the journey's code screen and the
forgotten password's: a malformed code is named beside the field, and nothing is sent."""

from __future__ import annotations

from pydantic import SecretStr
from textual.dom import DOMNode
from textual.widgets import Input

from caf_tui import rules
from caf_tui.widgets.messages import FieldError


def checked_code(screen: DOMNode, length: int) -> SecretStr | None:
    """The code in ``#code`` if well formed; else None, with the error under the field."""
    field = screen.query_one("#code", Input)
    try:
        return SecretStr(rules.normalise_code(field.value, length))
    except rules.RuleError as error:
        screen.query_one("#error-code", FieldError).show(error.message)
        field.focus()
        return None
