"""MOT DE PASSE OUBLIÉ: the identifier; the server then directs (the code, the new password)."""

from __future__ import annotations

from caf_tui import help_texts, rules
from caf_tui.api import IdentifierKind
from caf_tui.backend.errors import InvalidInput
from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Field
from caf_tui.steps import words


def identifier_field() -> Field:
    return Field(
        label=_(words.NIR_OR_TEMPORARY_ID),
        question=_(
            "Numéro de Sécurité sociale (13 chiffres, ou 15 avec la clé), ou identifiant "
            "provisoire (T suivi de 8 chiffres)"
        ),
        again=_(words.NIR_OR_TEMPORARY_ID),
        help=help_texts.forgot_password_help() + " " + help_texts.temporary_id_help(),
        id="identifier",
    )


def kind_of(text: str) -> IdentifierKind:
    """A NIR never begins with a letter; a temporary identifier always begins with T."""
    return IdentifierKind.TEMPORARY if text.strip()[:1] in ("t", "T") else IdentifierKind.NIR


def read_identifier(text: str) -> tuple[IdentifierKind, str]:
    kind = kind_of(text)
    return kind, rules.normalise_identifier(kind, text)


def send_identifier(ctx: Context, kind: IdentifierKind, identifier: str) -> None:
    ctx.call(lambda: ctx.journey.start_recovery(kind, identifier))


def forgot_password(ctx: Context) -> None:
    ctx.heading(_(words.RECOVERY_TITLE))
    ctx.say(_(words.FORGOT_PASSWORD_INTRO))
    field = identifier_field()
    known = ctx.journey.identifier
    typed = known[1] if known else None
    while True:
        kind, identifier = ctx.prompter.ask(field, read_identifier, default=typed)
        try:
            send_identifier(ctx, kind, identifier)
        except InvalidInput as refusal:
            ctx.prompter.error(field, refusal.message)
            typed = None
            continue
        return
