"""« Vérifiez vos réponses » before a form is sent (GOV.UK's "check your answers"): every answer
read back as a numbered list; a number corrects that answer, Entrée sends them all, r leaves
the form for the login (nothing sent: a person who finds they already have an account)."""

from __future__ import annotations

from collections.abc import Sequence

from caf_tui.i18n import _
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import HELP_KEY, QUIT_KEYS, Asked, Choice

BACK_KEY = "r"
#: The ids of the screen's buttons that Entrée and ``r`` stand for.
SEND_ID, BACK_ID = "validate", "back"
BACK = -1
"""What ``check_answers`` returns when the person goes back to the login."""


def review_help() -> str:
    return _(
        "Relisez vos réponses. Pour en corriger une, tapez son numéro : la question est posée "
        "à nouveau, Entrée y garde la réponse. Quand tout est juste, appuyez sur Entrée sans "
        "rien taper : vos réponses sont envoyées. Tapez r pour revenir à la connexion sans "
        "rien envoyer."
    )


def check_answers(ctx: Context, answers: Sequence[Choice]) -> int | None:
    """The index (from 0) of the answer to correct, None to send, or BACK. Each answer's id
    is its field's; Entrée stands for the form's « Valider »."""
    lines = [answer.label for answer in answers]
    ctx.terminal.blank()
    ctx.say(_("Vérifiez vos réponses :"))
    ctx.say(*(f"{number}. {line}" for number, line in enumerate(lines, 1)))
    asked = Asked(choices=tuple(answers), enter=SEND_ID, shortcuts={BACK_ID: BACK_KEY})
    question = _(
        "Tapez le numéro d'une réponse à corriger, r pour revenir à la connexion, ou Entrée "
        "pour envoyer :"
    )
    while True:
        answer = ctx.prompter.read(question, asked).strip()
        if not answer:
            return None
        if answer == HELP_KEY:
            ctx.say(review_help())
        elif answer in QUIT_KEYS:
            ctx.prompter.quit()
        elif answer.lower() == BACK_KEY:
            return BACK
        elif answer.isdecimal() and 1 <= int(answer) <= len(lines):
            return int(answer) - 1
        else:
            ctx.say(
                _(
                    "Répondez par le numéro d'une réponse, de 1 à {n}, par r pour revenir à la "
                    "connexion, ou appuyez sur Entrée pour envoyer."
                ).format(n=len(lines))
            )
