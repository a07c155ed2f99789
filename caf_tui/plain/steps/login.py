"""CONNEXION: the ways in (the portal's login, « Mot de passe oublié ? », « Créer Mon Compte »,
FranceConnect), then the identifier and the password. Nothing malformed is sent."""

from __future__ import annotations

from pydantic import SecretStr

from caf_tui import help_texts, rules
from caf_tui.api import IdentifierKind, LoginStep, StepName
from caf_tui.backend.errors import AccountLocked, InvalidCredentials, InvalidInput, Throttled
from caf_tui.i18n import _
from caf_tui.labels import door_labels
from caf_tui.plain.context import Context
from caf_tui.plain.doors import DOORS, Door
from caf_tui.plain.prompts import Choice, Field, as_is
from caf_tui.plain.steps.registry import handles
from caf_tui.steps import words
from caf_tui.steps.login import LOGIN

#: What both ways of logging in go on to ask.
CREDENTIALS = frozenset({"identifier", "password"})


def identifier_field(kind: IdentifierKind) -> Field:
    if kind is IdentifierKind.TEMPORARY:
        return Field(
            label=_(words.TEMPORARY_ID_LABEL),
            question=_("Identifiant provisoire (T suivi de 8 chiffres)"),
            help=help_texts.temporary_id_help(),
            id="identifier",
        )
    return Field(
        label=_(words.NIR_LABEL),
        question=_("Numéro de Sécurité sociale (13 chiffres, ou 15 avec la clé)"),
        help=help_texts.nir_help(),
        id="identifier",
    )


def password_field(interactive: bool) -> Field:
    question = _(words.PASSWORD)
    if interactive:
        question += " " + _(words.NOTHING_SHOWN_WHILE_TYPING)
    return Field(
        label=_(words.PASSWORD),
        question=question,
        help=help_texts.password_help(),
        secret=True,
        id="password",
    )


def shown(kind: IdentifierKind, identifier: str) -> str:
    """The identifier as the person reads it on their card."""
    return rules.format_nir(identifier) if kind is IdentifierKind.NIR else identifier


def ask_door(ctx: Context) -> IdentifierKind | Door:
    """The login screen's choices, in its order: how to log in, or another way in."""
    labels = door_labels()
    choice = ctx.prompter.choose(
        _("Comment voulez-vous vous connecter ?"),
        [
            Choice("nir", labels.nir, asks=CREDENTIALS),
            Choice("temporary", labels.temporary, asks=CREDENTIALS),
            Choice("forgot", labels.forgot),
            Choice("create-account", labels.create),
            Choice("franceconnect", labels.franceconnect),
        ],
        " ".join(
            (
                help_texts.before_login_help(),
                help_texts.temporary_id_help(),
                help_texts.franceconnect_help(),
            )
        ),
    )
    kinds = (IdentifierKind.NIR, IdentifierKind.TEMPORARY)
    return kinds[choice] if choice < len(kinds) else DOORS[choice - len(kinds)]


def send_login(ctx: Context, kind: IdentifierKind, identifier: str, password: SecretStr) -> None:
    ctx.call(lambda: ctx.journey.login(kind, identifier, password))


@handles(StepName.LOGIN)
def login(ctx: Context, step: LoginStep) -> None:
    notice = ctx.journey.take_notice()  # the session ended, the password was changed…
    if notice:
        ctx.say(notice)
    ctx.heading(_(LOGIN.title))
    known = ctx.journey.take_offered()
    if known:
        kind, identifier = known[0], known[1]
    else:
        door = ask_door(ctx)
        if not isinstance(door, IdentifierKind):
            door(ctx)  # the server then directs, or the person comes back here
            return
        kind, identifier = door, None
    ctx.say(_(words.ALL_REQUIRED))
    while not ctx.has_session:
        field = identifier_field(kind)
        identifier = ctx.prompter.ask(
            field,
            lambda text: rules.normalise_identifier(kind, text),
            default=identifier,
            shown_default=shown(kind, identifier) if identifier else None,
        )
        password = ctx.prompter.ask(password_field(ctx.terminal.interactive), as_is)
        try:
            send_login(ctx, kind, identifier, SecretStr(password))
        except InvalidInput as refusal:
            ctx.prompter.error(field, refusal.message)
            identifier = None
        except (InvalidCredentials, AccountLocked, Throttled) as refusal:
            ctx.say(refusal.message)
        else:
            ctx.say(_(words.LOGGED_IN))
