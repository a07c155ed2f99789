"""The generic line-mode step: a step's description (``caf_tui.steps``) read aloud, then its
choices as one numbered menu — every step with no question of its own is asked this way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from caf_tui.api import AcceptTermsStep, AccountCreatedStep, IdentifierKind
from caf_tui.backend.errors import Forbidden
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice
from caf_tui.steps import words
from caf_tui.steps.spec import ActionRole, ActionSpec, Line, LineKind, Option, Special, StepSpec


def line_text(line: Line) -> str:
    """A sentence as said: a numbered stage reads « Étape 1 : … » (« 1. » is a menu's)."""
    if line.kind is LineKind.NUMBERED:
        return _("Étape {n} : {stage}").format(n=line.number, stage=line.words())
    return line.words()


def access_text(step: AccountCreatedStep) -> str:
    if step.identifier_kind is IdentifierKind.TEMPORARY:
        return " ".join(
            (
                _(
                    "Pour y accéder, utilisez votre identifiant provisoire : {identifier}. "
                    "Notez-le : il vous sera demandé à chaque connexion."
                ).format(identifier=step.identifier),
                # A screen reader may read "T00000123" as one word: say each character too.
                _("Caractère par caractère : {spelled}.").format(spelled=" ".join(step.identifier)),
            )
        )
    return _("Pour y accéder, utilisez votre numéro de Sécurité sociale : {identifier}.").format(
        identifier=step.identifier
    )


def say_lines(ctx: Context, lines: Iterable[Line]) -> None:
    # A menu has nothing to fill in: the form's « all fields required » is not said.
    ctx.say(*(line_text(line) for line in lines if line.text != words.ALL_REQUIRED))


def say_terms(ctx: Context, step: AcceptTermsStep) -> None:
    """The conditions, section by section, then a blank line before the question."""
    for section in step.sections:
        if section.heading:
            ctx.terminal.blank()
            ctx.say(section.heading)
        ctx.say(*section.paragraphs)
    ctx.terminal.blank()


def menu(spec: StepSpec) -> list[tuple[Option | None, ActionSpec]]:
    """The menu: each option of the step's choice (it sends the main action), then the other
    actions that send or quit."""
    primary = spec.primary
    entries: list[tuple[Option | None, ActionSpec]] = []
    choices = [field for field in spec.fields if field.options]
    if primary is not None:
        entries += [(option, primary) for field in choices for option in field.options]
        if not choices:
            entries.append((None, primary))
    entries += [
        (None, action)
        for action in spec.actions
        if action.role in (ActionRole.ALWAYS, ActionRole.QUIT)
    ]
    return entries


def ask_step(ctx: Context, step: Any, spec: StepSpec) -> None:
    """Say the step, ask its menu, send the answer; a refusal is said and the server asked
    where the person is."""
    ctx.heading(_(spec.title), step.progress)
    say_lines(ctx, spec.intro(step))
    if Special.ACCESS in spec.specials:
        ctx.say(access_text(step))
    if Special.TERMS_TEXT in spec.specials:
        say_terms(ctx, step)
    say_lines(ctx, spec.after(step))
    entries = menu(spec)
    question = spec.question or next((field.question for field in spec.fields), "")
    choices = [
        Choice(option.id, _(option.label))
        if option is not None
        else Choice(action.id, _(action.label))
        for option, action in entries
    ]
    choice = ctx.prompter.choose(
        spec.format(question, step), choices, _(spec.line_help or spec.help)
    )
    option, action = entries[choice]
    if action.role is ActionRole.QUIT:
        ctx.prompter.quit()
        return
    call = action.call
    if call is None:
        return
    answers = {field.id: option.id for field in spec.fields} if option is not None else {}
    try:
        ctx.submit(lambda backend: call(backend, step, answers))
    except Forbidden as refusal:
        ctx.say(refusal.message)
        ctx.call(ctx.journey.resume)
        return
    done = option.done if option is not None and option.done else action.done
    if done:
        ctx.say(spec.format(done, step))
