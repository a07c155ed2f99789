"""The migration's terms and new password (the intro is asked by ``generic``)."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui.api import AcceptTermsStep, ChoosePasswordStep, StepName
from caf_tui.backend.errors import InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.plain.context import Context
from caf_tui.plain.passwords import ask_new_password, password_fields, refused_field
from caf_tui.plain.prompts import Choice
from caf_tui.plain.steps.registry import handles
from caf_tui.steps import words
from caf_tui.steps.migration import ACCEPT_TERMS, CHOOSE_PASSWORD


@handles(StepName.ACCEPT_TERMS)
def accept_terms(ctx: Context, step: AcceptTermsStep) -> None:
    ctx.heading(_(ACCEPT_TERMS.title), step.progress)
    for section in step.sections:
        if section.heading:
            ctx.terminal.blank()
            ctx.say(section.heading)
        ctx.say(*section.paragraphs)
    ctx.terminal.blank()
    choice = ctx.prompter.choose(
        _(ACCEPT_TERMS.field("accept").question),
        [
            Choice("accept", _("Oui, je les accepte")),
            Choice("quit", _(ACCEPT_TERMS.action("quit").label)),
        ],
        _(ACCEPT_TERMS.line_help),
    )
    if choice == 1:
        ctx.prompter.quit()
        return
    version = step.version
    ctx.submit(lambda backend: backend.accept_terms(version))


def send_password(ctx: Context, password: SecretStr, confirmation: SecretStr) -> None:
    ctx.submit(lambda backend: backend.choose_password(password, confirmation))


@handles(StepName.CHOOSE_PASSWORD)
def choose_password(ctx: Context, step: ChoosePasswordStep) -> None:
    ctx.heading(_(CHOOSE_PASSWORD.title), step.progress)
    ctx.say(_("Pour ma 1ère connexion, je choisis mon mot de passe personnel."))
    ctx.say(_(words.RULES_INTRO))
    ctx.say(*policy_lines(step.policy))
    first, second = password_fields(step.policy, ctx.terminal.interactive)
    while True:
        password, confirmation = ask_new_password(ctx, step.policy, first, second)
        try:
            send_password(ctx, password, confirmation)
        except InvalidInput as refusal:
            ctx.prompter.error(refused_field(refusal.field, first, second), refusal.message)
            continue
        ctx.say(_("Votre nouveau mot de passe est enregistré."))
        return
