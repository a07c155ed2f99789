"""Fields and actions several steps have alike: the new password twice, the code, « Quitter »."""

from __future__ import annotations

from caf_tui import rules
from caf_tui.steps import helps, words
from caf_tui.steps.spec import ActionRole, ActionSpec, BackendCall, FieldKind, FieldSpec

NEW_PASSWORD_FIELDS = (
    FieldSpec("password", words.NEW_PASSWORD, FieldKind.SECRET, rule=rules.check_password),
    FieldSpec("confirmation", words.CONFIRMATION, FieldKind.SECRET, rule=rules.check_password),
)
CODE_FIELD = FieldSpec(
    "code", words.CODE, FieldKind.CODE, help=helps.CODE_NOT_RECEIVED, rule=rules.normalise_code
)
QUIT_ACTION = ActionSpec("quit", words.QUIT, ActionRole.QUIT)
OUTBOX_ACTION = ActionSpec("outbox", words.OUTBOX, ActionRole.LOCAL)


def validate_action(call: BackendCall) -> ActionSpec:
    """« Valider »: a form's main button; ``call`` sends what was typed."""
    return ActionSpec("validate", words.VALIDATE, call=call)


def continue_action(call: BackendCall) -> ActionSpec:
    """« Continuer »: the main button of a step that asks nothing, or only a choice."""
    return ActionSpec("continue", words.CONTINUE, call=call)
