"""The contact check: which phone or e-mail gets the code, then the code itself."""

from __future__ import annotations

from functools import partial

from caf_tui import rules
from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import helps, spec, words
from caf_tui.steps.parts import CODE_FIELD, OUTBOX_ACTION, QUIT_ACTION, validate_action

#: Said above the phone and e-mail on file (the live editor's screen says it too).
CHECK_CONTACT_ADVICE = N_(
    "Pensez à vérifier vos coordonnées de contact et à les modifier si nécessaire"
)

#: The check's two steps are one page: its title, the name one resumes at, what quitting keeps.
_CONTACT_PAGE = partial(
    spec.StepSpec,
    title=N_("VÉRIFICATION DE MES COORDONNÉES DE CONTACT"),
    resume_name=N_("Vérification de mes coordonnées de contact"),
    quit_question=words.QUIT_JOURNEY,
)

CONFIRM_CONTACT = _CONTACT_PAGE(
    name=StepName.CONFIRM_CONTACT,
    help=N_(
        "Vérifiez votre numéro de téléphone portable et votre adresse e-mail ; corrigez-les avec "
        "« Modifier mes coordonnées de contact ». Choisissez ensuite comment recevoir le code de "
        "vérification : par SMS il est valable 10 minutes, par e-mail 15 minutes."
    ),
    note=N_(
        "Vérifier le numéro de portable ou l'e-mail affiché avec la personne ; le corriger si "
        "besoin. Le code est valable 10 minutes par SMS, 15 minutes par e-mail."
    ),
    intro=lambda step: (
        spec.Line(words.ALL_REQUIRED),
        spec.Line(CHECK_CONTACT_ADVICE, classes="section-title"),
    ),
    fields=(
        spec.FieldSpec(
            "channel",
            N_("Mode de réception du code"),
            spec.FieldKind.CHOICE,
            question=N_("Comment souhaitez-vous recevoir le code de vérification ?"),
            options=(spec.Option("sms", words.SMS), spec.Option("email", words.EMAIL)),
        ),
        spec.FieldSpec("phone", words.MOBILE_PHONE, rule=rules.normalise_phone),
        spec.FieldSpec("email", words.EMAIL_ADDRESS, rule=rules.normalise_email),
    ),
    actions=(
        validate_action(lambda backend, step, answers: backend.confirm_contact(answers["channel"])),
        spec.ActionSpec("edit", words.EDIT_CONTACT, spec.ActionRole.LOCAL),
        spec.ActionSpec(
            "save",
            words.SAVE_CONTACT,
            spec.ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.update_contact(
                answers.get("phone"), answers.get("email")
            ),
        ),
        QUIT_ACTION,
    ),
    specials=frozenset({spec.Special.CONTACT_EDITOR}),
)


VERIFY_CODE = _CONTACT_PAGE(
    name=StepName.VERIFY_CODE,
    help=helps.CODE_NOT_RECEIVED,
    note=N_(
        "Le code (6 chiffres) arrive sur le téléphone ou la messagerie de la personne. Rien reçu : "
        "attendre, regarder les indésirables, puis « Demander » un nouveau code. 5 essais par code."
    ),
    intro=lambda step: (spec.Line(words.ALL_REQUIRED),),
    fields=(CODE_FIELD,),
    actions=(
        validate_action(lambda backend, step, answers: backend.verify_code(answers["code"])),
        spec.ActionSpec(
            "resend",
            words.RESEND,
            spec.ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.resend_code(),
        ),
        spec.ActionSpec(
            "change-contact",
            words.EDIT_CONTACT,
            spec.ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.change_contact(),
        ),
        OUTBOX_ACTION,
        QUIT_ACTION,
    ),
    specials=frozenset({spec.Special.COUNTDOWN, spec.Special.DEMO_OUTBOX}),
)

SPECS = (CONFIRM_CONTACT, VERIFY_CODE)
