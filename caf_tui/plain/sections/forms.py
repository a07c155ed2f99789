"""A form of a section (``caf_tui.steps.sections.FormSpec``) asked line by line: each field with
its rule, then the summary (« Envoyer », « Modifier », « Retour »), then the « accusé de
réception ». A refusal names its field and asks only that one again; the rest is kept."""

from __future__ import annotations

from caf_tui.backend.errors import InvalidInput
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice, Field, as_is
from caf_tui.plain.sections.views import back
from caf_tui.steps import sections, words
from caf_tui.steps.sections import FormSpec, Typed
from caf_tui.steps.spec import FieldKind, FieldSpec

SEND, EDIT, BACK = 0, 1, 2


def question(form: FormSpec, field: FieldSpec) -> Field:
    label = form.words(field.label)
    return Field(label=label, question=label, help=form.words(field.help) or label, id=field.id)


def ask_field(ctx: Context, form: FormSpec, field: FieldSpec, kept: str | None) -> str:
    asked = question(form, field)
    if field.kind is FieldKind.CHOICE:
        labels = [
            Choice(f"{field.id}-{option.id}", form.words(option.label))  # the radio's id
            for option in field.options
        ]
        choice = ctx.prompter.choose(asked.question + " :", labels, asked.help, field=field.id)
        return field.options[choice].id

    # Checked with the others at « Vérifier », as on screen (a rule across fields needs all).
    return ctx.prompter.ask(asked, as_is, default=kept)


def ask_fields(ctx: Context, form: FormSpec, typed: Typed, only: str | None) -> None:
    """Every field (what was typed kept as the default), or ``only`` the one refused."""
    for field in form.fields:
        if only is None or field.id == only:
            typed[field.id] = ask_field(ctx, form, field, typed.get(field.id))


def refused_field(
    ctx: Context, form: FormSpec, field_id: str | None, message: str, typed: str | None = None
) -> str | None:
    """Say the refusal on its field's name; the id of the field to ask again (Entrée keeps
    what was typed), if one of ours."""
    field = next((field for field in form.fields if field.id == field_id), None)
    if field is None:  # about the whole request (already pending): nothing to correct
        ctx.say(message)
        return None
    ctx.prompter.error(question(form, field), message, refused=typed)
    return field.id


def ask_form(ctx: Context, form: FormSpec) -> None:
    ctx.heading(form.words(form.title).upper())
    ctx.say(form.words(form.intro))
    typed: Typed = {}
    only: str | None = None
    while True:
        ask_fields(ctx, form, typed, only)
        only = None
        checked = ctx.prompter.choose(
            _(words.WHAT_NOW),
            [Choice("check", _(sections.CHECK)), Choice("back", _(words.BACK))],
            form.words(form.help),
        )
        if checked == 1:
            return
        refused = form.refusal(typed)
        if refused is not None:
            only = refused_field(ctx, form, *refused, typed=typed.get(refused[0]))
            continue
        try:
            summary = ctx.call(lambda: form.summary(ctx.backend, typed))
        except InvalidInput as refusal:
            only = refused_field(ctx, form, refusal.field, refusal.message)
            if only is None:
                return
            continue
        ctx.say(_(sections.SUMMARY_TITLE), summary.title, *sections.summary_lines(summary))
        choice = ctx.prompter.choose(
            _(words.WHAT_NOW),
            [
                Choice("send", _(sections.SEND)),
                Choice("edit", _(sections.EDIT)),
                Choice("back", _(words.BACK)),
            ],
            form.words(form.help),
        )
        if choice == BACK:
            return
        if choice == EDIT:
            continue
        try:
            receipt = ctx.call(lambda: form.send(ctx.backend, typed))
        except InvalidInput as refusal:  # already pending, or the server's last word on a field
            only = refused_field(ctx, form, refusal.field, refusal.message)
            if only is None:
                return
            continue
        ctx.say(_(sections.RECEIPT_TITLE), *sections.receipt_lines(receipt))
        back(ctx)  # read, then « Retour », as on screen
        return
