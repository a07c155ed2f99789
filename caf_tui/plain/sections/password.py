"""CHANGER MON MOT DE PASSE, in the screen's order: the current password (it is the person),
then the new one (its rules read as one sentence when refused) and its confirmation. A refusal
asks again only what it names; the rest is kept. Nothing typed is ever said back."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui.api import PasswordPolicy
from caf_tui.backend.errors import InvalidCredentials, InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.plain.context import Context
from caf_tui.plain.passwords import ask_new_password, password_fields, refused_field
from caf_tui.plain.prompts import Field, as_is
from caf_tui.steps import words


def current_field(interactive: bool) -> Field:
    hidden = " " + _(words.NOTHING_SHOWN_WHILE_TYPING) if interactive else ""
    return Field(
        label=_(words.CURRENT_PASSWORD),
        question=_(words.CURRENT_PASSWORD) + hidden,
        help=_(
            "Le mot de passe avec lequel vous vous êtes connecté(e) aujourd'hui : il confirme "
            "que c'est bien vous. Rien ne s'affiche pendant la saisie."
        ),
        secret=True,
        id="current_password",
    )


def send(ctx: Context, current: SecretStr, password: SecretStr, confirmation: SecretStr) -> None:
    ctx.call(lambda: ctx.backend.change_password(current, password, confirmation))


def change_password(ctx: Context, policy: PasswordPolicy) -> None:
    ctx.heading(_(words.CHANGE_PASSWORD_TITLE))
    ctx.say(
        _(
            "Saisissez votre mot de passe actuel, puis votre nouveau mot de passe deux fois. "
            "Vos autres sessions seront terminées."
        ),
        _(words.RULES_SENTENCE).format(rules=" ; ".join(policy_lines(policy))),
    )
    first, second = password_fields(policy, ctx.terminal.interactive)
    current = current_field(ctx.terminal.interactive)
    typed = SecretStr(ctx.prompter.ask(current, as_is))
    password, confirmation = ask_new_password(ctx, policy, first, second)
    while True:
        try:
            send(ctx, typed, password, confirmation)
        except InvalidCredentials as refusal:
            ctx.prompter.error(current, refusal.message)
            ctx.say(
                _(
                    "Votre nouveau mot de passe est gardé : saisissez à nouveau seulement votre "
                    "mot de passe actuel."
                )
            )
            typed = SecretStr(ctx.prompter.ask(current, as_is))
            continue
        except InvalidInput as refusal:  # the server's policy is the last word
            ctx.prompter.error(refused_field(refusal.field, first, second), refusal.message)
            password, confirmation = ask_new_password(ctx, policy, first, second)
            continue
        ctx.say(_(words.PASSWORD_CHANGED))
        return
