"""The contact check: which phone or e-mail gets the code, then the code itself."""

from __future__ import annotations

from caf_tui import rules
from caf_tui.api import StepName
from caf_tui.i18n import N_
from caf_tui.steps import helps, words
from caf_tui.steps.parts import CODE_FIELD, OUTBOX_ACTION, QUIT_ACTION
from caf_tui.steps.spec import (
    ActionRole,
    ActionSpec,
    FieldKind,
    FieldSpec,
    Line,
    Option,
    Special,
    StepSpec,
)

CONFIRM_CONTACT = StepSpec(
    name=StepName.CONFIRM_CONTACT,
    title=words.CONTACT_TITLE,
    resume_name=words.CONTACT_RESUME_NAME,
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
            words.CHECK_CONTACT_ADVICE,
            classes="section-title",
        ),
    ),
    fields=(
        FieldSpec(
            "channel",
            N_("Mode de réception du code"),
            FieldKind.CHOICE,
            question=words.HOW_TO_RECEIVE_CODE,
            options=(Option("sms", words.SMS), Option("email", words.EMAIL)),
        ),
        FieldSpec("phone", words.MOBILE_PHONE, rule=rules.normalise_phone),
        FieldSpec("email", words.EMAIL_ADDRESS, rule=rules.normalise_email),
    ),
    actions=(
        ActionSpec(
            "validate",
            words.VALIDATE,
            call=lambda backend, step, answers: backend.confirm_contact(answers["channel"]),
        ),
        ActionSpec("edit", words.EDIT_CONTACT, ActionRole.LOCAL),
        ActionSpec(
            "save",
            words.SAVE_CONTACT,
            ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.update_contact(
                answers.get("phone"), answers.get("email")
            ),
        ),
        QUIT_ACTION,
    ),
    specials=frozenset({Special.CONTACT_EDITOR}),
)


VERIFY_CODE = StepSpec(
    name=StepName.VERIFY_CODE,
    title=words.CONTACT_TITLE,
    resume_name=words.CONTACT_RESUME_NAME,
    help=helps.CODE_NOT_RECEIVED,
    note=N_(
        "Le code (6 chiffres) arrive sur le téléphone ou la messagerie de la personne. Rien reçu : "
        "attendre, regarder les indésirables, puis « Demander » un nouveau code. 5 essais par code."
    ),
    quit_question=words.QUIT_JOURNEY,
    intro=lambda step: (Line(words.ALL_REQUIRED),),
    fields=(CODE_FIELD,),
    actions=(
        ActionSpec(
            "validate",
            words.VALIDATE,
            call=lambda backend, step, answers: backend.verify_code(answers["code"]),
        ),
        ActionSpec(
            "resend",
            words.RESEND,
            ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.resend_code(),
        ),
        ActionSpec(
            "change-contact",
            words.EDIT_CONTACT,
            ActionRole.ALWAYS,
            call=lambda backend, step, answers: backend.change_contact(),
        ),
        OUTBOX_ACTION,
        QUIT_ACTION,
    ),
    specials=frozenset({Special.COUNTDOWN, Special.DEMO_OUTBOX}),
)

SPECS = (CONFIRM_CONTACT, VERIFY_CODE)
