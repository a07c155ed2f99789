"""The contact check: which phone or e-mail gets the code, then the code itself."""

from __future__ import annotations

from caf_tui import rules
from caf_tui.api import ConfirmContactStep, JourneyResponse, StepName, VerifyCodeStep
from caf_tui.backend.base import Backend
from caf_tui.i18n import N_
from caf_tui.steps import helps, words
from caf_tui.steps.spec import (
    ActionRole,
    ActionSpec,
    Answers,
    FieldKind,
    FieldSpec,
    Line,
    Option,
    Special,
    StepSpec,
)


async def _confirm(backend: Backend, step: ConfirmContactStep, answers: Answers) -> JourneyResponse:
    return await backend.confirm_contact(answers["channel"])


async def _save(backend: Backend, step: ConfirmContactStep, answers: Answers) -> JourneyResponse:
    return await backend.update_contact(answers.get("phone"), answers.get("email"))


CONFIRM_CONTACT = StepSpec(
    name=StepName.CONFIRM_CONTACT,
    title=words.CONTACT_TITLE,
    resume_name=N_("Vérification de mes coordonnées de contact"),
    help=N_(
        "Vérifiez votre numéro de téléphone portable et votre adresse e-mail ; corrigez-les avec "
        "« Modifier mes coordonnées de contact ». Choisissez ensuite comment recevoir le code de "
        "vérification : par SMS il est valable 10 minutes, par e-mail 15 minutes."
    ),
    note=N_(
        "Vérifier le numéro de portable ou l'e-mail affiché avec la personne ; le corriger si "
        "besoin. Le code est valable 10 minutes par SMS, 15 minutes par e-mail."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=lambda step: (
        Line(words.ALL_REQUIRED),
        Line(
            N_("Pensez à vérifier vos coordonnées de contact et à les modifier si nécessaire"),
            classes="section-title",
        ),
    ),
    fields=(
        FieldSpec(
            "channel",
            N_("Mode de réception du code"),
            FieldKind.CHOICE,
            question=N_("Comment souhaitez-vous recevoir le code de vérification ?"),
            options=(Option("sms", N_("SMS")), Option("email", N_("E-mail"))),
        ),
        FieldSpec("phone", N_("Téléphone portable"), rule=rules.normalise_phone),
        FieldSpec("email", N_("Adresse e-mail"), rule=rules.normalise_email),
    ),
    actions=(
        ActionSpec("validate", words.VALIDATE, call=_confirm),
        ActionSpec("edit", N_("Modifier mes coordonnées de contact"), ActionRole.LOCAL),
        ActionSpec("save", N_("Enregistrer mes coordonnées"), ActionRole.ALWAYS, call=_save),
        ActionSpec("quit", words.QUIT, ActionRole.QUIT),
    ),
    specials=frozenset({Special.CONTACT_EDITOR}),
)


async def _verify(backend: Backend, step: VerifyCodeStep, answers: Answers) -> JourneyResponse:
    return await backend.verify_code(answers["code"])


async def _resend(backend: Backend, step: VerifyCodeStep, answers: Answers) -> JourneyResponse:
    return await backend.resend_code()


async def _change(backend: Backend, step: VerifyCodeStep, answers: Answers) -> JourneyResponse:
    return await backend.change_contact()


VERIFY_CODE = StepSpec(
    name=StepName.VERIFY_CODE,
    title=words.CONTACT_TITLE,
    resume_name=N_("Vérification de mes coordonnées de contact"),
    help=helps.CODE_NOT_RECEIVED,
    note=N_(
        "Le code (6 chiffres) arrive sur le téléphone ou la messagerie de la personne. Rien reçu : "
        "attendre, regarder les indésirables, puis « Demander » un nouveau code. 5 essais par code."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=lambda step: (Line(words.ALL_REQUIRED),),
    fields=(
        FieldSpec(
            "code",
            words.CODE,
            FieldKind.CODE,
            help=helps.CODE_NOT_RECEIVED,
            rule=rules.normalise_code,
        ),
    ),
    actions=(
        ActionSpec("validate", words.VALIDATE, call=_verify),
        ActionSpec("resend", words.RESEND, ActionRole.ALWAYS, call=_resend),
        ActionSpec(
            "change-contact",
            N_("Modifier mes coordonnées de contact"),
            ActionRole.ALWAYS,
            call=_change,
        ),
        ActionSpec("outbox", words.OUTBOX, ActionRole.LOCAL),
        ActionSpec("quit", words.QUIT, ActionRole.QUIT),
    ),
    specials=frozenset({Special.COUNTDOWN, Special.DEMO_OUTBOX}),
)

SPECS = (CONFIRM_CONTACT, VERIFY_CODE)
