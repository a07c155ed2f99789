"""The migration's first stages: the intro, the terms, the new password."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui.api import AcceptTermsStep, ChoosePasswordStep, MigrationIntroStep, StepName
from caf_tui.backend.errors import InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import policy_lines, stage_label
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.passwords import ask_new_password, password_fields, refused_field
from caf_tui.plain.steps.registry import handles


@handles(StepName.MIGRATION_INTRO)
def migration_intro(ctx: Context, step: MigrationIntroStep) -> None:
    ctx.heading(_('VOTRE CONNEXION À "MON COMPTE" CHANGE !'), step.progress)
    ctx.say(
        _("Pour faire ce changement, {n} étapes. {min} à {max} minutes sont nécessaires.").format(
            n=len(step.stages), min=step.minutes_min, max=step.minutes_max
        )
    )
    for number, stage in enumerate(step.stages, start=1):
        ctx.say(_("Étape {n} : {stage}").format(n=number, stage=stage_label(stage)))
    choice = ctx.prompter.choose(
        _("Que voulez-vous faire ?"), [_("Commencer"), _("Quitter")], help.intro_help()
    )
    if choice == 1:
        ctx.prompter.quit()
        return
    ctx.submit(lambda backend: backend.start_migration())


@handles(StepName.ACCEPT_TERMS)
def accept_terms(ctx: Context, step: AcceptTermsStep) -> None:
    ctx.heading(_("CONDITIONS GÉNÉRALES D'UTILISATION"), step.progress)
    for section in step.sections:
        if section.heading:
            ctx.terminal.blank()
            ctx.say(section.heading)
        ctx.say(*section.paragraphs)
    ctx.terminal.blank()
    choice = ctx.prompter.choose(
        _("Acceptez-vous les conditions générales d'utilisation ?"),
        [_("Oui, je les accepte"), _("Quitter")],
        help.terms_help(),
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
    ctx.heading(_("CHOISIR SON MOT DE PASSE"), step.progress)
    ctx.say(_("Pour ma 1ère connexion, je choisis mon mot de passe personnel."))
    ctx.say(_("Pour des raisons de sécurité, les règles suivantes doivent être respectées :"))
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
