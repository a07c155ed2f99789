"""The verification code: typed before it expires (its validity said at a few moments), a new
one asked for, the contact details changed, or — against the stub — the messages "sent" read."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import replace

from pydantic import SecretStr

from caf_tui import help_texts, rules
from caf_tui.api import ErrorCode, OutboxMessage, RecoveryCodeStep, StepName, VerifyCodeStep
from caf_tui.backend.errors import BackendError, CodeRejected
from caf_tui.i18n import _, ngettext
from caf_tui.labels import code_sent_text, with_attempts_left
from caf_tui.plain.announcer import CodeValidityAnnouncer
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Field
from caf_tui.plain.steps.registry import handles
from caf_tui.steps import words
from caf_tui.steps.contact import VERIFY_CODE

RESEND, CHANGE_CONTACT, OUTBOX = "1", "2", "3"
OUTBOX_ID = "outbox"
#: The keys of the code's shortcuts, by the ids of the screen's buttons.
KEYS = {"resend": RESEND, "change-contact": CHANGE_CONTACT, OUTBOX_ID: OUTBOX}
#: After these, the code cannot serve any more: say how to get another.
DEAD_CODE = {ErrorCode.OTP_EXPIRED, ErrorCode.OTP_ATTEMPTS_EXCEEDED}


def code_field(length: int, shortcuts: dict[str, str], ids: Mapping[str, str]) -> Field:
    """The code's question; ``shortcuts`` maps the keys it also accepts to their meaning
    (« 1 pour demander un nouveau code »), ``ids`` the ids of their actions to the keys."""
    choices = [*shortcuts.values(), _("? pour l'aide"), _("q pour quitter")]
    return Field(
        label=_(words.CODE),
        question=_("Code de vérification ({n} chiffres), ou : {choices}").format(
            n=length, choices=", ".join(choices)
        ),
        help=help_texts.code_not_received_help(),
        again=_("Code de vérification (ou {keys}, ? ou q)").format(keys=", ".join(shortcuts)),
        echo=False,
        id="code",
        shortcuts={ident: key for ident, key in ids.items() if key in shortcuts},
    )


def outbox_shortcut(key: str) -> str:
    return _("{key} pour lire les messages reçus (démo — simulation)").format(key=key)


def accept_code_or(shortcuts: dict[str, str], length: int) -> Callable[[str], str]:
    """The check of the code's answer: one of the shortcuts, or a well-formed code."""

    def check(text: str) -> str:
        return text if text in shortcuts else rules.normalise_code(text, length)

    return check


def refusal_text(error: CodeRejected) -> str:
    message = error.message
    left = error.detail.attempts_left
    message = with_attempts_left(message, error.code, left)
    if error.code in DEAD_CODE or (error.code is ErrorCode.OTP_INVALID and left == 0):
        message += " " + _("Tapez 1 pour demander un nouveau code.")
    return message


def recipient(message: OutboxMessage) -> str:
    """A phone number the French way (06 15 00 00 00), as it is read aloud."""
    if message.channel == "sms":
        with contextlib.suppress(Exception):
            return rules.format_phone(message.to)
    return message.to


def message_lines(number: int, message: OutboxMessage) -> list[str]:
    kind = _(words.SMS) if message.channel == "sms" else _(words.EMAIL)
    lines = [
        _("Message {number} : {kind} à {to}, le {when:%d/%m/%Y à %H:%M}.").format(
            number=number, kind=kind, to=recipient(message), when=message.sent_at.astimezone()
        )
    ]
    if message.subject:
        lines.append(_(words.MESSAGE_SUBJECT).format(subject=message.subject))
    lines += [line for line in message.body.splitlines() if line.strip()]
    return lines


def read_outbox(ctx: Context) -> None:
    """The demo's messages, newest first. Nothing real was sent."""
    try:
        messages = ctx.call(ctx.backend.demo_outbox)
    except BackendError as error:
        ctx.say(error.message)
        return
    ctx.say(_("Messages reçus (démo — simulation : aucun SMS ni e-mail réel n'est envoyé)."))
    if not messages:
        ctx.say(_(words.NO_MESSAGE_YET))
        return
    messages = sorted(messages, key=lambda m: (m.sent_at, m.id), reverse=True)
    ctx.say(
        ngettext(
            "{n} message, du plus récent au plus ancien.",
            "{n} messages, du plus récent au plus ancien.",
            len(messages),
        ).format(n=len(messages))
    )
    for number, message in enumerate(messages, start=1):
        ctx.say(*message_lines(number, message))
    ctx.say(_("Fin des messages."))


def send_code(ctx: Context, code: SecretStr) -> None:
    ctx.submit(lambda backend: backend.verify_code(code))


def ask_code(
    ctx: Context,
    step: VerifyCodeStep | RecoveryCodeStep,
    shortcuts: dict[str, str],
    act: Callable[[str], bool],
    ids: Mapping[str, str],
) -> None:
    """Ask for the code, its validity announced at a few moments, until ``act`` (given the code
    typed or a shortcut's key) says the step is over. The demo outbox is read here; a refused
    code is said on its field, or as a sentence when it is not about what was typed."""
    outbox_key = ids[OUTBOX_ID]
    if ctx.backend.has_demo_outbox:
        shortcuts = {**shortcuts, outbox_key: outbox_shortcut(outbox_key)}
    field = code_field(step.code_length, shortcuts, ids)
    check = accept_code_or(shortcuts, step.code_length)
    announcer = CodeValidityAnnouncer(
        step.expires_at, ctx.journey.server_now, ctx.terminal.announce, tick=ctx.tick
    )
    with announcer:
        while True:
            answer = ctx.prompter.ask(field, check)
            field = replace(field, question=field.again or field.question)
            if answer == outbox_key and outbox_key in shortcuts:
                read_outbox(ctx)
                continue
            try:
                if act(answer):
                    return
            except CodeRejected as refusal:
                if refusal.field == "code":
                    ctx.prompter.error(field, refusal_text(refusal))
                else:
                    ctx.say(refusal_text(refusal))


@handles(StepName.VERIFY_CODE)
def verify_code(ctx: Context, step: VerifyCodeStep) -> None:
    ctx.heading(_(VERIFY_CODE.title), step.progress)
    ctx.say(code_sent_text(step))

    def act(answer: str) -> bool:
        if answer == RESEND:
            ctx.submit(lambda backend: backend.resend_code())
            ctx.say(_(words.NEW_CODE_SENT))
        elif answer == CHANGE_CONTACT:
            ctx.submit(lambda backend: backend.change_contact())
        else:
            send_code(ctx, SecretStr(answer))
            ctx.say(_(words.CODE_ACCEPTED))
        return True

    shortcuts = {
        RESEND: _(words.RESEND_SHORTCUT),
        CHANGE_CONTACT: _("2 pour modifier vos coordonnées"),
    }
    ask_code(ctx, step, shortcuts, act, KEYS)
