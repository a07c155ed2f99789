"""MODIFIER MES COORDONNÉES DE CONTACT: a new phone or e-mail, one at a time, saved only once
the code sent to it comes back (the code's question and announcements are the journey's)."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import SecretStr

from caf_tui import rules
from caf_tui.api import Channel
from caf_tui.api.account import ContactChangeStarted, ProfileResponse
from caf_tui.backend.errors import CodeRejected, InvalidCredentials, InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import contact_lines
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice, Field, as_is
from caf_tui.plain.sections.contact_code import Resend, ask_code
from caf_tui.plain.sections.password import current_field
from caf_tui.plain.steps.contact import (
    CONTACT_FIELDS,
    email_field,
    on_file,
    optional,
    phone_field,
)
from caf_tui.steps import words

CHECKS: dict[str, Callable[[str], str]] = {
    "phone": rules.normalise_phone,
    "email": rules.normalise_email,
}
CHANNELS = {"phone": Channel.SMS, "email": Channel.EMAIL}
#: The code sent, and what sends another.
Sender = tuple[ContactChangeStarted, Resend]


def the_change(typed: dict[str, str | None], kept: dict[str, str | None]) -> list[str]:
    return [name for name, value in typed.items() if value and value != kept[name]]


def ask_change(ctx: Context, profile: ProfileResponse) -> tuple[Channel, str] | None:
    """The one detail that differs from what is on file; None when the person goes back."""
    fields: dict[str, Field] = {"phone": phone_field(), "email": email_field()}
    kept = {name: on_file(getattr(profile, name), CHECKS[name]) for name in CHECKS}
    typed: dict[str, str | None] = dict(kept)
    while True:
        for name, field in fields.items():
            default = typed[name]
            typed[name] = ctx.prompter.ask(field, optional(CHECKS[name]), default=default)
        changed = the_change(typed, kept)
        if len(changed) == 1:
            name = changed[0]
            value = typed[name]
            assert value is not None
            return CHANNELS[name], value
        message = _(words.ONE_CONTACT_AT_A_TIME) if changed else _(words.TYPE_NEW_CONTACT)
        ctx.prompter.error(fields["phone"], message)
        again = ctx.prompter.choose(
            _(words.WHAT_NOW),
            [
                Choice("new-contact", _("Saisir la nouvelle coordonnée"), asks=CONTACT_FIELDS),
                Choice("back", _(words.BACK)),
            ],
            _(help.CHANGE_CONTACT),
        )
        if again == 1:
            return None


def start(ctx: Context, profile: ProfileResponse) -> Sender | None:
    """The current password, then the new detail, then the code sent to it; a refusal names
    its field and asks again only that. Returns what sends a code to it again, or None when
    the person goes back."""
    current = current_field(ctx.terminal.interactive)
    password = SecretStr(ctx.prompter.ask(current, as_is))
    change = ask_change(ctx, profile)
    while change is not None:
        send = sender(ctx, *change, password)
        try:
            return ctx.call(send), send
        except InvalidCredentials as refusal:
            ctx.prompter.error(current, refusal.message)
            password = SecretStr(ctx.prompter.ask(current, as_is))
        except InvalidInput as refusal:
            refused = phone_field() if refusal.field == "phone" else email_field()
            ctx.prompter.error(refused, refusal.message)
            change = ask_change(ctx, profile)
        except CodeRejected as refusal:  # too many codes sent: nothing more can be done now
            ctx.say(refusal.message)
            return None
    return None


def sender(ctx: Context, channel: Channel, value: str, password: SecretStr) -> Resend:
    return lambda: ctx.backend.start_contact_change(channel, value, password)


def change_contact(ctx: Context, profile: ProfileResponse) -> None:
    ctx.heading(_(words.EDIT_CONTACT_TITLE))
    ctx.say(
        _(words.CHANGE_CONTACT_HELP),
        *contact_lines(profile.phone, profile.email),
    )
    sent = start(ctx, profile)
    if sent is not None and ask_code(ctx, *sent):
        ctx.say(_(words.CONTACT_CHANGED))
