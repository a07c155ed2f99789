"""FranceConnect in the terminal: the provider chosen by number, its fields, the consent."""

from __future__ import annotations

import time

from pydantic import SecretStr

from caf_tui import help_texts
from caf_tui.api import ConsentPage, FranceConnectStart, ProviderForm, ProviderList
from caf_tui.backend.errors import BackendError
from caf_tui.franceconnect import ProviderRefusal, TerminalSignIn
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.doors.fc_session import back_to_login, collect
from caf_tui.plain.prompts import Choice, Field, as_is
from caf_tui.steps import words


def ask_provider(ctx: Context, providers: ProviderList) -> str | None:
    """« Je choisis un compte pour me connecter »: the provider's id, or None to cancel."""
    ctx.heading(_(words.FRANCECONNECT_TITLE))
    ctx.say(_(words.FRANCECONNECT_CHOOSE_ACCOUNT).format(service=providers.service))
    ctx.say(*sorted({choice.note for choice in providers.providers if choice.note}))
    unavailable = [choice.name for choice in providers.providers if not choice.available]
    if unavailable:
        ctx.say(_("Indisponibles : {names}.").format(names=", ".join(unavailable)))
    usable = [choice for choice in providers.providers if choice.available]
    picked = ctx.prompter.choose(
        _("Quel compte choisissez-vous ?"),
        [*(Choice(choice.id, choice.name) for choice in usable), Choice("cancel", _(words.CANCEL))],
        help_texts.franceconnect_help(),
    )
    return usable[picked].id if picked < len(usable) else None


def ask_fields(ctx: Context, sign_in: TerminalSignIn, form: ProviderForm) -> ConsentPage:
    """The provider's form until it lets the person in; its refusals name their field."""
    ctx.heading(_("FRANCECONNECT : {provider}").format(provider=form.provider.name))
    ctx.say(_(words.EVERY_FIELD_REQUIRED))
    fields = {
        item.name: Field(
            label=item.label,
            question=item.label,
            help=item.hint or help_texts.franceconnect_help(),
            secret=item.secret,
            id=item.name,
        )
        for item in form.fields
    }
    kept: dict[str, str] = {}
    while True:
        values = {}
        for name, field in fields.items():
            typed = ctx.prompter.ask(field, as_is, default=kept.get(name))
            if not field.secret:
                kept[name] = typed
            values[name] = SecretStr(typed)
        try:
            return send_fields(ctx, sign_in, values)
        except ProviderRefusal as refusal:
            named = fields.get(refusal.field or "")
            if named is None:
                ctx.say(refusal.message)
            else:
                ctx.prompter.error(named, refusal.message)


def send_fields(ctx: Context, sign_in: TerminalSignIn, values: dict[str, SecretStr]) -> ConsentPage:
    return ctx.call(lambda: sign_in.sign_in(values))


def ask_consent(ctx: Context, page: ConsentPage) -> bool:
    ctx.heading(_("FRANCECONNECT : VOS INFORMATIONS"))
    ctx.say(_(words.FRANCECONNECT_CONSENT).format(provider=page.provider, service=page.service))
    ctx.say(*(f"{claim.label} : {claim.value}" for claim in page.claims))
    choice = ctx.prompter.choose(
        _(words.WHAT_NOW),
        [Choice("accept", page.accept_label), Choice("refuse", page.refuse_label)],
        help_texts.franceconnect_help(),
    )
    return choice == 0


def in_terminal(ctx: Context, start: FranceConnectStart) -> None:
    sign_in = TerminalSignIn(start.authorize_url)
    try:
        provider = ask_provider(ctx, ctx.call(sign_in.list_providers))
        if provider is None:
            return
        form = ctx.call(lambda: sign_in.choose(provider))
        consent = ask_fields(ctx, sign_in, form)
        accepted = ask_consent(ctx, consent)
        ctx.call(lambda: sign_in.decide(accepted))
        # The portal has the provider's answer: its verdict comes with the flow.
        for _try in range(3):
            if collect(ctx, start.flow_id):
                return
            time.sleep(start.poll_interval_seconds)
        ctx.say(_("FranceConnect n'a pas répondu à temps. Recommencez."))
    except BackendError as error:
        back_to_login(ctx, error)
    finally:
        ctx.runner.run(sign_in.aclose())
