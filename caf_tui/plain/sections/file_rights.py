"""« Déclarer un changement » and « Faire une demande de prestation » in the line mode: the
section's forms as a menu, each asked by ``forms.ask_form``. A role the server refuses hears
its words (the menu's ``Forbidden``)."""

from __future__ import annotations

from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice
from caf_tui.plain.sections.forms import ask_form
from caf_tui.steps import sections, words
from caf_tui.steps.sections import DECLARATIONS, benefit_form


def declare_change(ctx: Context) -> None:
    while True:
        answer = ctx.call(ctx.backend.declarations)
        ctx.heading(_(sections.DECLARE_TITLE))
        ctx.say(_(sections.DECLARE_INTRO), _(sections.LAST_DECLARATIONS))
        ctx.say(*(sections.declaration_lines(answer.declarations) or [_(sections.NO_DECLARATION)]))
        labels = [Choice(f"declare-{form.id}", _(form.title)) for form in DECLARATIONS]
        choice = ctx.prompter.choose(
            _(words.WHAT_NOW), [*labels, Choice("back", _(words.BACK))], _(sections.DECLARE_HELP)
        )
        if choice == len(DECLARATIONS):
            return
        ask_form(ctx, DECLARATIONS[choice])


def request_benefit(ctx: Context) -> None:
    while True:
        benefits = ctx.call(ctx.backend.benefits).benefits
        ctx.heading(_(sections.BENEFIT_TITLE))
        ctx.say(*(f"{benefit.title} : {benefit.description}" for benefit in benefits))
        choice = ctx.prompter.choose(
            _(sections.BENEFIT_INTRO),
            [
                *(Choice(f"benefit-{benefit.id}", benefit.title) for benefit in benefits),
                Choice("back", _(words.BACK)),
            ],
            _(sections.BENEFIT_HELP),
        )
        if choice == len(benefits):
            return
        ask_form(ctx, benefit_form(benefits[choice]))
