"""The code sent to a new phone or e-mail: typed before it expires (its validity said as in
the journey), a new one asked for, or — against the stub — the messages "sent" read."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from pydantic import SecretStr

from caf_tui.account_words import contact_code_sent
from caf_tui.api.account import ContactChangeStarted
from caf_tui.backend.errors import CodeRejected, StepMismatch
from caf_tui.i18n import _
from caf_tui.plain.announcer import CodeValidityAnnouncer
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Field
from caf_tui.plain.steps.code import (
    accept_code_or,
    code_field,
    outbox_shortcut,
    read_outbox,
    refusal_text,
)
from caf_tui.steps import words

RESEND, BACK, OUTBOX = "1", "2", "3"
#: The keys of the code's shortcuts, by the ids of the screen's buttons.
KEYS = {"resend": RESEND, "back": BACK, "outbox": OUTBOX}

#: Sends a code to the same new detail again.
Resend = Callable[[], Coroutine[Any, Any, ContactChangeStarted]]


def shortcuts(ctx: Context) -> dict[str, str]:
    keys = {
        RESEND: _(words.RESEND_SHORTCUT),
        BACK: _("2 pour revenir sans modifier"),
    }
    if ctx.backend.has_demo_outbox:
        keys[OUTBOX] = outbox_shortcut(OUTBOX)
    return keys


def ask_code(ctx: Context, started: ContactChangeStarted, resend: Resend) -> bool:
    """True once the code is accepted and the new detail saved; False when the person goes
    back (nothing changes). ``resend`` asks for a new code to the same detail."""
    ctx.say(contact_code_sent(started.channel, started.destination))
    keys = shortcuts(ctx)
    field = code_field(started.code_length, keys, KEYS)
    check = accept_code_or(keys, started.code_length)
    while True:
        announcer = CodeValidityAnnouncer(
            started.expires_at, ctx.journey.server_now, ctx.terminal.announce, tick=ctx.tick
        )
        with announcer:
            answer = ask_until_sent(ctx, field, check)
        field = replace(field, question=field.again or field.question)
        if answer == BACK:
            return False
        if answer == RESEND:
            try:
                started = ctx.call(resend)
            except CodeRejected as refusal:  # too many codes: the last one still serves
                ctx.say(refusal_text(refusal))
                continue
            ctx.say(_(words.NEW_CODE_SENT))
            continue
        return True


def send_code(ctx: Context, code: SecretStr) -> None:
    ctx.call(lambda: ctx.backend.confirm_contact_change(code))


def ask_until_sent(ctx: Context, field: Field, check: Callable[[str], str]) -> str:
    """Ask until a shortcut is chosen or a code is accepted; returns the answer."""
    while True:
        answer = ctx.prompter.ask(field, check)
        field = replace(field, question=field.again or field.question)
        if answer == OUTBOX:
            read_outbox(ctx)
            continue
        if answer in (RESEND, BACK):
            return answer
        try:
            send_code(ctx, SecretStr(answer))
        except CodeRejected as refusal:
            ctx.prompter.error(field, refusal_text(refusal))
            continue
        except StepMismatch as refusal:  # no change pending any more: start again
            ctx.say(refusal.message)
            return BACK
        return answer
