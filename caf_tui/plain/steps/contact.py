"""VÉRIFICATION DE MES COORDONNÉES DE CONTACT: the details on file, correcting them, and how to
receive the code."""

from __future__ import annotations

from collections.abc import Callable

from caf_tui import rules
from caf_tui.api import Channel, ChannelOption, ConfirmContactStep, StepName
from caf_tui.backend.errors import CodeRejected, InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import contact_lines
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice, Field
from caf_tui.plain.steps.registry import handles
from caf_tui.plain.wording import spoken_duration
from caf_tui.steps import words
from caf_tui.steps.contact import CONFIRM_CONTACT


def option_label(option: ChannelOption) -> str:
    validity = spoken_duration(option.validity_seconds)
    if option.channel is Channel.SMS:
        return _("Recevoir le code par SMS au {where} (valable {validity})").format(
            where=option.destination, validity=validity
        )
    return _("Recevoir le code par e-mail à {where} (valable {validity})").format(
        where=option.destination, validity=validity
    )


#: What « Modifier mes coordonnées de contact » goes on to ask.
CONTACT_FIELDS = frozenset({"phone", "email"})


def channel_field() -> Field:
    """How the code is received: asked as a menu, named by its errors."""
    channel = CONFIRM_CONTACT.field("channel")
    return Field(_(channel.label), _(channel.question), _(CONFIRM_CONTACT.help), id=channel.id)


def phone_field() -> Field:
    return Field(
        _(words.MOBILE_PHONE), _(words.MOBILE_PHONE), _(help.PHONE), required=False, id="phone"
    )


def email_field() -> Field:
    return Field(
        _(words.EMAIL_ADDRESS),
        _(words.EMAIL_ADDRESS),
        _(help.EMAIL),
        required=False,
        id="email",
    )


def optional(normalise: Callable[[str], str]) -> Callable[[str], str | None]:
    """An empty answer (nothing on file, nothing typed) leaves the detail unset."""

    def check(text: str) -> str | None:
        return normalise(text) if text.strip() else None

    return check


def on_file(value: str | None, normalise: Callable[[str], str]) -> str | None:
    if value is None:
        return None
    try:
        return normalise(value)
    except rules.RuleError:
        return None


def send_contact(ctx: Context, phone: str | None, email: str | None) -> None:
    ctx.submit(lambda backend: backend.update_contact(phone, email))


def send_channel(ctx: Context, channel: Channel) -> None:
    ctx.submit(lambda backend: backend.confirm_contact(channel))


def edit_contact(ctx: Context, step: ConfirmContactStep) -> bool:
    """Ask the phone then the e-mail (Entrée keeps each); True once a change is saved."""
    ctx.say(_("Modifier mes coordonnées de contact."))
    fields = {"phone": phone_field(), "email": email_field()}
    while True:
        phone = ctx.prompter.ask(
            fields["phone"],
            optional(rules.normalise_phone),
            default=step.phone,
        )
        email = ctx.prompter.ask(
            fields["email"],
            optional(rules.normalise_email),
            default=step.email,
        )
        phone_change = None if phone == on_file(step.phone, rules.normalise_phone) else phone
        email_change = None if email == on_file(step.email, rules.normalise_email) else email
        if phone_change is None and email_change is None:
            ctx.say(_("Vos coordonnées de contact n'ont pas changé."))
            return False
        try:
            send_contact(ctx, phone_change, email_change)
        except InvalidInput as refusal:
            field = fields.get(refusal.field or "")
            if field is None:
                ctx.say(refusal.message)
                return False
            ctx.prompter.error(field, refusal.message)
            continue
        ctx.say(_(words.CONTACT_SAVED))
        return True


@handles(StepName.CONFIRM_CONTACT)
def confirm_contact(ctx: Context, step: ConfirmContactStep) -> None:
    ctx.heading(_(CONFIRM_CONTACT.title), step.progress)
    ctx.say(_("Pensez à vérifier vos coordonnées de contact et à les modifier si nécessaire."))
    ctx.say(*contact_lines(step.phone, step.email))
    usable = [option for option in step.options if option.destination is not None]
    menu = [
        *(Choice(option.channel.value, option_label(option)) for option in usable),
        Choice("edit", _(CONFIRM_CONTACT.action("edit").label), asks=CONTACT_FIELDS),
        Choice("quit", _(CONFIRM_CONTACT.action("quit").label)),
    ]
    while True:
        choice = ctx.prompter.choose(
            _(CONFIRM_CONTACT.field("channel").question),
            menu,
            _(CONFIRM_CONTACT.help),
            field="channel",
        )
        if choice == len(menu) - 1:
            ctx.prompter.quit()
            continue
        if choice == len(menu) - 2:
            if edit_contact(ctx, step):
                return
            continue
        try:
            send_channel(ctx, usable[choice].channel)
        except InvalidInput as refusal:
            ctx.prompter.error(channel_field(), refusal.message)
            continue
        except CodeRejected as refusal:
            ctx.say(refusal.message)
            continue
        return
