"""MOT DE PASSE OUBLIÉ, after the identifier: the code (its validity said at a few moments, as
in the journey), then the new password (the journey's checks) or the 8-digit one again."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui.api import LoginStep, RecoveryCodeStep, RecoveryPasswordStep, StepName
from caf_tui.backend.errors import FlowExpired, Forbidden
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.passwords import send_new_password
from caf_tui.plain.prompts import Choice
from caf_tui.plain.steps.code import OUTBOX_ID, ask_code
from caf_tui.plain.steps.registry import handles
from caf_tui.steps import recovery, words

NEW_REQUEST, OUTBOX = "1", "2"
#: The keys of the code's shortcuts, by the ids of the screen's buttons.
KEYS = {"resend": NEW_REQUEST, OUTBOX_ID: OUTBOX}


def back_to_login(ctx: Context, error: FlowExpired) -> None:
    """The request is over (too late, or used): the login again, where it can start anew."""
    ctx.say(error.message)
    ctx.journey.step = LoginStep()


def new_request(ctx: Context) -> None:
    """Ask again for the same identifier: a new flow, a new code (if the account exists)."""
    if ctx.journey.recovering is None:
        ctx.journey.step = LoginStep()
        return
    ctx.call(ctx.journey.restart_recovery)
    ctx.say(_("Nouvelle demande envoyée : si un compte correspond, un nouveau code est envoyé."))


def send_code(ctx: Context, code: SecretStr) -> None:
    ctx.submit(lambda backend: backend.recovery_verify_code(code))


def send_password(ctx: Context, password: SecretStr, confirmation: SecretStr) -> None:
    ctx.submit(lambda backend: backend.recovery_set_password(password, confirmation))


@handles(StepName.RECOVERY_CODE)
def recovery_code(ctx: Context, step: RecoveryCodeStep) -> None:
    ctx.heading(_(words.RECOVERY_TITLE), step.progress)
    ctx.say(_(recovery.CODE_SENT))

    def act(answer: str) -> bool:
        try:
            if answer == NEW_REQUEST:
                new_request(ctx)
                return True
            send_code(ctx, SecretStr(answer))
        except FlowExpired as expired:
            back_to_login(ctx, expired)
            return True
        ctx.say(_(words.CODE_ACCEPTED))
        return True

    ask_code(ctx, step, {NEW_REQUEST: _(words.RESEND_SHORTCUT)}, act, KEYS)


def done(ctx: Context, notice: str) -> None:
    """The login comes next: it says ``notice`` and offers the identifier again."""
    ctx.journey.recovered(notice)


def resend_legacy(ctx: Context) -> bool:
    try:
        ctx.submit(lambda backend: backend.recovery_resend_legacy())
    except Forbidden as refusal:
        ctx.say(refusal.message)
        return False
    done(
        ctx,
        _(words.LEGACY_PASSWORD_SENT),
    )
    return True


@handles(StepName.RECOVERY_PASSWORD)
def recovery_password(ctx: Context, step: RecoveryPasswordStep) -> None:
    ctx.heading(_(words.RECOVERY_TITLE), step.progress)
    ctx.say(_(recovery.CHOOSE_NEW_PASSWORD))
    ctx.say(_(words.RULES_INTRO))
    ctx.say(*policy_lines(step.policy))
    if step.legacy_resend_offered:
        ctx.say(_(words.LEGACY_PASSWORD_OFFER))
        choice = ctx.prompter.choose(
            _(words.WHAT_NOW),
            [
                Choice(
                    "new-password",
                    _("Choisir un nouveau mot de passe"),
                    asks=frozenset({"password", "confirmation"}),
                ),
                Choice("legacy", _(recovery.RECOVERY_PASSWORD.action("legacy").label)),
            ],
            _(help.LEGACY_RESEND),
        )
        if choice == 1 and resend_legacy(ctx):
            return
    try:
        send_new_password(ctx, step.policy, send_password)
    except FlowExpired as expired:
        back_to_login(ctx, expired)
        return
    done(
        ctx,
        _(words.PASSWORD_RESET_DONE),
    )
