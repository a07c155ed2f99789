"""The migration's new password (the intro and the terms are asked by ``generic``)."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui.api import ChoosePasswordStep, StepName
from caf_tui.i18n import _
from caf_tui.labels import policy_lines
from caf_tui.plain.context import Context
from caf_tui.plain.passwords import send_new_password
from caf_tui.plain.steps.registry import handles
from caf_tui.steps import words
from caf_tui.steps.migration import CHOOSE_PASSWORD


def send_password(ctx: Context, password: SecretStr, confirmation: SecretStr) -> None:
    ctx.submit(lambda backend: backend.choose_password(password, confirmation))


@handles(StepName.CHOOSE_PASSWORD)
def choose_password(ctx: Context, step: ChoosePasswordStep) -> None:
    ctx.heading(_(CHOOSE_PASSWORD.title), step.progress)
    ctx.say(_("Pour ma 1ère connexion, je choisis mon mot de passe personnel."))
    ctx.say(_(words.RULES_INTRO))
    ctx.say(*policy_lines(step.policy))
    send_new_password(ctx, step.policy, send_password)
    ctx.say(_("Votre nouveau mot de passe est enregistré."))
