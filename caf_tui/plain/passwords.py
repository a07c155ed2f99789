"""A new password, typed twice, checked against the server's policy before it is sent: the
journey's « Choisir son mot de passe » and « Mot de passe oublié ? » ask it the same way."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import SecretStr

from caf_tui import rules
from caf_tui.api import PasswordPolicy
from caf_tui.backend.errors import InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Field, as_is
from caf_tui.steps import words

#: The two fields, by id: the screens' ids, which the flows name.
NEW_PASSWORD_FIELDS = (("password", words.NEW_PASSWORD), ("confirmation", words.CONFIRMATION))


def password_fields(policy: PasswordPolicy, interactive: bool) -> tuple[Field, Field]:
    hidden = " " + _(words.NOTHING_SHOWN_WHILE_TYPING) if interactive else ""
    help_text = help.new_password_help(" ; ".join(policy_lines(policy)))
    first, second = (
        Field(label=_(label), question=_(label) + hidden, help=help_text, secret=True, id=field_id)
        for field_id, label in NEW_PASSWORD_FIELDS
    )
    return first, second


def ask_new_password(
    ctx: Context, policy: PasswordPolicy, first: Field, second: Field
) -> tuple[SecretStr, SecretStr]:
    """Ask until both entries meet every rule; a refusal is read as one sentence."""
    while True:
        password = ctx.prompter.ask(first, as_is)
        checks = rules.check_password(password, None, policy)
        if rules.failed_rules(checks):
            ctx.prompter.error(first, rules.checklist_sentence(checks, policy))
            continue
        while True:  # the first one meets every rule: only the confirmation is asked again
            confirmation = ctx.prompter.ask(second, as_is)
            checks = rules.check_password(password, confirmation, policy)
            if not rules.failed_rules(checks):
                return SecretStr(password), SecretStr(confirmation)
            ctx.prompter.error(second, rules.checklist_sentence(checks, policy))


def refused_field(refusal_field: str | None, first: Field, second: Field) -> Field:
    """The field the server refused."""
    return second if refusal_field == "confirmation" else first


def send_new_password(
    ctx: Context,
    policy: PasswordPolicy,
    send: Callable[[Context, SecretStr, SecretStr], None],
) -> None:
    """Ask the new password twice and ``send`` it until the server takes it: a refusal by the
    server's policy is said at the field it names, and both are asked again."""
    first, second = password_fields(policy, ctx.terminal.interactive)
    while True:
        password, confirmation = ask_new_password(ctx, policy, first, second)
        try:
            send(ctx, password, confirmation)
        except InvalidInput as refusal:
            ctx.prompter.error(refused_field(refusal.field, first, second), refusal.message)
            continue
        return
