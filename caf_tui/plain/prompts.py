"""Questions and menus: ``?`` for the field's help, ``q`` to quit, empty answers, bad answers.

Every question is asked again until it gets an answer it can use; what is wrong is said with
the field's name, and nothing typed is ever repeated back when it is secret.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from caf_tui.i18n import _
from caf_tui.plain.io import Terminal
from caf_tui.plain.wording import field_error
from caf_tui.rules import RuleError
from caf_tui.steps import words

T = TypeVar("T")

HELP_KEY = "?"
QUIT_KEYS = frozenset({"q", "Q"})


class QuitRequested(Exception):
    """The person chose « Quitter » (and confirmed it when something would be lost)."""


@dataclass(frozen=True)
class Field:
    """A question: ``label`` names the field in errors, ``question`` is what is asked, and
    ``again`` (if any) a shorter form for when it is asked again after a refusal."""

    label: str
    question: str
    help: str
    secret: bool = False
    required: bool = True
    again: str | None = None
    #: Whether a refused answer is said back (never a secret, never a code).
    echo: bool = True


def as_is(text: str) -> str:
    """The answer as typed (for questions with nothing to check)."""
    return text


class Prompter:
    def __init__(self, terminal: Terminal, *, confirm_quit: Callable[[], str | None]) -> None:
        """``confirm_quit`` gives the question that confirms quitting when something would be
        lost (None: quit at once)."""
        self.terminal = terminal
        self._confirm_quit = confirm_quit

    def ask(
        self,
        field: Field,
        check: Callable[[str], T],
        *,
        default: str | None = None,
        shown_default: str | None = None,
    ) -> T:
        """Ask until ``check`` accepts the answer (it raises ``RuleError`` to refuse it).

        With ``default``, an empty answer means the default, shown as ``shown_default``.
        """
        keep = ""
        if default is not None:
            keep = ". " + _("Appuyez sur Entrée pour garder {value}").format(
                value=shown_default if shown_default is not None else default
            )
        question = field.question + keep + " :"
        while True:
            answer = self.terminal.ask(question, secret=field.secret)
            question = (field.again or field.question) + keep + " :"
            text = answer if field.secret else answer.strip()
            if text.strip() == HELP_KEY:
                self.terminal.say(field.help)
                continue
            if text.strip() in QUIT_KEYS:
                self.quit()
                continue
            if not text:
                if default is not None:
                    text = default
                elif field.required:
                    self.error(field.label, _("ce champ est obligatoire, veuillez le remplir."))
                    continue
            try:
                return check(text)
            except RuleError as refusal:
                said = refusal.message
                if field.echo and not field.secret:  # heard back, a typo is easier to find
                    said += " " + _("Vous avez saisi : {text}.").format(text=text)
                self.error(field.label, said)

    def choose(
        self,
        question: str,
        options: Sequence[str],
        help_text: str,
        *,
        quit_means: int | None = None,
    ) -> int:
        """A numbered menu; returns the index (from 0) of the option chosen.

        ``q`` asks to quit, unless ``quit_means`` names the option it stands for.
        """
        self.terminal.say(question)
        self.terminal.say(*(f"{number}. {option}" for number, option in enumerate(options, 1)))
        if len(options) == 1:
            ask = _("Tapez 1 puis Entrée :")
        elif len(options) == 2:
            ask = _("Votre choix (1 ou 2) :")
        else:
            ask = _("Votre choix (1 à {n}) :").format(n=len(options))
        while True:
            answer = self.terminal.ask(ask).strip()
            if answer == HELP_KEY:
                self.terminal.say(help_text)
                continue
            if answer in QUIT_KEYS:
                if quit_means is not None:
                    return quit_means
                self.quit()
                continue
            if answer.isdecimal() and 1 <= int(answer) <= len(options):
                return int(answer) - 1
            self.terminal.say(
                _("Répondez par le numéro d'un choix, de 1 à {n}.").format(n=len(options))
                if len(options) > 1
                else _("Tapez 1 puis Entrée.")
            )

    def error(self, label: str, message: str) -> None:
        self.terminal.say(field_error(label, message))

    def quit(self) -> None:
        """« Quitter »: raises ``QuitRequested`` once confirmed; returns if the person stays."""
        question = self._confirm_quit()
        if question is None:
            raise QuitRequested
        choice = self.choose(
            question,
            [_(words.STAY), _(words.QUIT)],
            _("Choisissez 1 pour continuer votre démarche, 2 pour vous déconnecter."),
            quit_means=1,
        )
        if choice == 1:
            raise QuitRequested
