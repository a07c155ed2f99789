"""CRÉER MON COMPTE: what links the person to a file, asked one field at a time with the
form's checks, then read back before sending (any answer may be corrected there); a refusal
re-asks only its field, keeping every other answer, then reads them back again."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from caf_tui import help_texts, rules
from caf_tui.api.signup import SignupRequest
from caf_tui.backend.errors import InvalidInput
from caf_tui.i18n import _
from caf_tui.labels import signup_labels
from caf_tui.plain.context import Context
from caf_tui.plain.doors.review import BACK, check_answers
from caf_tui.plain.prompts import Choice, Field
from caf_tui.steps import words

#: The form's text fields, in its order, each with the check the screen applies.
TEXT_FIELDS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("numero_allocataire", rules.normalise_numero_allocataire),
    ("postal_code", rules.normalise_postal_code),
    ("family_name", lambda text: rules.normalise_name(text, _(words.FAMILY_NAME_WORD))),
    ("given_names", lambda text: rules.normalise_name(text, _(words.GIVEN_NAMES_WORD))),
    ("birth_date", lambda text: rules.parse_birth_date(text).strftime("%d/%m/%Y")),
    ("nir", rules.normalise_nir),
)
IDENTITY = "identity"  # the NIR, or none and then the gender
#: The fields an answer of the review asks again when corrected.
ASKS = {IDENTITY: frozenset({"nir", "no-nir", "gender-F", "gender-M"})}


def field(name: str) -> Field:
    label = signup_labels()[name]
    helps = {"nir": help_texts.nir_help()}
    text = helps.get(name, help_texts.create_account_help())
    return Field(label=label, question=label, help=text, id=name)


def ask_identity(ctx: Context, answers: dict[str, str | None]) -> None:
    choice = ctx.prompter.choose(
        _("Avez-vous un numéro de Sécurité sociale ?"),
        [
            Choice("nir", _("Oui, je le saisis"), asks=frozenset({"nir"})),
            Choice("no-nir", _(words.NO_NIR)),
        ],
        help_texts.create_account_help(),
    )
    if choice == 0:
        ask_text(ctx, answers, "nir")
        answers["gender"] = None
        return
    ctx.say(_(words.TEMPORARY_ID_GIVEN))
    answers["nir"] = None
    gender = ctx.prompter.choose(
        _("Civilité : choisissez « Madame » ou « Monsieur »."),
        [Choice("gender-F", _(words.MADAME)), Choice("gender-M", _(words.MONSIEUR))],
        help_texts.create_account_help(),
        field="gender",
    )
    answers["gender"] = ("F", "M")[gender]


def ask_text(ctx: Context, answers: dict[str, str | None], name: str) -> None:
    check = dict(TEXT_FIELDS)[name]
    typed = answers.get(name)
    shown = rules.format_nir(typed) if name == "nir" and typed else typed
    answers[name] = ctx.prompter.ask(field(name), check, default=typed, shown_default=shown)


def request_of(answers: dict[str, str | None]) -> SignupRequest:
    birth = rules.parse_birth_date(answers["birth_date"] or "")
    return SignupRequest.model_validate({**answers, "birth_date": birth})


def to_ask_again(ctx: Context, refusal: InvalidInput) -> list[str]:
    """The field to ask again after the server's refusal; none when it names no field (the
    answers are read back, the person says which to correct)."""
    name = refusal.field
    if name in signup_labels():
        ctx.prompter.error(field(name), refusal.message)
        return [IDENTITY] if name in ("nir", "gender") else [name]
    ctx.say(refusal.message)
    return []


def review_items(answers: dict[str, str | None]) -> list[tuple[str, str]]:
    """(field, « Label : answer ») for each answer, in the form's order."""
    labels = signup_labels()
    items = [(name, f"{labels[name]} : {answers[name]}") for name, _check in TEXT_FIELDS[:-1]]
    nir = answers.get("nir")
    if nir:
        items.append((IDENTITY, f"{labels['nir']} : {rules.format_nir(nir)}"))
    else:
        gender = _(words.MADAME) if answers.get("gender") == "F" else _(words.MONSIEUR)
        without = _("sans numéro de Sécurité sociale")
        items.append((IDENTITY, f"{labels['gender']} : {gender} ({without})"))
    return items


def all_fields() -> list[str]:
    return [name for name, _check in TEXT_FIELDS[:-1]] + [IDENTITY]


def send(ctx: Context, request: SignupRequest) -> None:
    ctx.call(lambda: ctx.journey.sign_up(request))


def create_account(ctx: Context) -> None:
    ctx.heading(_(words.SIGNUP_TITLE))
    ctx.say(
        _(words.SIGNUP_INTRO),
        _(
            "Sans numéro de Sécurité sociale ? Un identifiant provisoire vous sera alors "
            "attribué pour les prochaines connexions."
        ),
    )
    answers: dict[str, str | None] = {}
    pending = all_fields()
    while True:
        for name in pending:
            if name == IDENTITY:
                ask_identity(ctx, answers)
            else:
                ask_text(ctx, answers, name)
        items = review_items(answers)
        correct = check_answers(
            ctx,
            [
                Choice(name, line, asks=ASKS.get(name, frozenset({name})), shows=answers.get(name))
                for name, line in items
            ],
        )
        if correct == BACK:
            ctx.say(_("Rien n'a été envoyé : retour à la connexion."))
            return
        if correct is not None:
            pending = [items[correct][0]]
            continue
        try:
            request = request_of(answers)
        except ValidationError:  # a length the rules already bound: not expected
            ctx.say(_(words.CHECK_WHAT_WAS_TYPED))
            pending = []
            continue
        try:
            send(ctx, request)
        except InvalidInput as refusal:
            pending = to_ask_again(ctx, refusal)
            continue
        ctx.say(_("Votre dossier est retrouvé : poursuivez la création de votre compte."))
        return
