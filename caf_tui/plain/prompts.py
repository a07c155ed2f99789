"""Questions and menus: ``?`` for the field's help, ``q`` to quit, empty answers, bad answers.

Every question is asked again until it gets an answer it can use; what is wrong is said with
the field's name, and nothing typed is ever repeated back when it is secret.

Each question carries the id of what it stands for, as huh's fields carry their key: a field's
id, each choice's id — the ids of the step's description (``caf_tui.steps``) and of the Textual
widgets. Before it waits, the prompter tells its ``watch`` what it asks (``Asked``): the
replayer answers by these ids, never by the words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

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
    """A question: ``id`` is the field's (as the step's description and the screen name it),
    ``label`` names the field in errors, ``question`` is what is asked, and ``again`` (if any)
    a shorter form for when it is asked again after a refusal."""

    label: str
    question: str
    help: str
    secret: bool = False
    required: bool = True
    again: str | None = None
    #: Whether a refused answer is said back (never a secret, never a code).
    echo: bool = True
    id: str = field(kw_only=True)
    #: Keys that stand for an action instead of an answer (« 1 pour demander un nouveau
    #: code »): the key, by the action's id.
    shortcuts: Mapping[str, str] = field(default_factory=dict, kw_only=True)


@dataclass(frozen=True)
class Choice:
    """An answer of a menu: ``id`` is the option's or action's (the widget's on screen);
    ``asks`` the fields choosing it goes on to ask (« Oui, je le saisis » asks ``nir``);
    ``shows`` the answer it reads back (the review's « Prénom(s) : Lucas »)."""

    id: str
    label: str
    asks: frozenset[str] = frozenset()
    shows: str | None = None


@dataclass(frozen=True)
class Asked:
    """What the line mode waits for, by id: a field (``id``), or a menu (``choices``, the
    answer ``n`` being ``choices[n-1]``). ``keeps``: Entrée keeps the answer given before,
    said as ``shown`` (never a secret's); ``required``: Entrée alone is refused; ``enter``:
    the id Entrée stands for in a menu (the review's « Valider »)."""

    id: str = ""
    choices: tuple[Choice, ...] = ()
    shortcuts: Mapping[str, str] = field(default_factory=dict)
    keeps: bool = False
    shown: str | None = None
    required: bool = True
    enter: str | None = None
    secret: bool = False

    def key_of(self, ident: str) -> str | None:
        """What to type for the choice or shortcut ``ident``; None when it offers none."""
        for number, choice in enumerate(self.choices, 1):
            if choice.id == ident:
                return str(number)
        if ident == self.enter:
            return ""
        return self.shortcuts.get(ident)


class Watch(Protocol):
    """Told what the line mode asks and refuses, by id (the replayer's hook)."""

    def asking(self, asked: Asked) -> None:
        """``asked`` is about to be waited for."""

    def refused(self, field: str, typed: str | None) -> None:
        """An error was said on ``field``; ``typed``: the answer said back with it."""


def as_is(text: str) -> str:
    """The answer as typed (for questions with nothing to check)."""
    return text


class Prompter:
    def __init__(
        self,
        terminal: Terminal,
        *,
        confirm_quit: Callable[[], str | None],
        watch: Watch | None = None,
    ) -> None:
        """``confirm_quit`` gives the question that confirms quitting when something would be
        lost (None: quit at once); ``watch`` is told what each question asks, by id."""
        self.terminal = terminal
        self._confirm_quit = confirm_quit
        self._watch = watch

    def read(self, prompt: str, asked: Asked) -> str:
        """Print ``prompt`` and read its answer, ``watch`` told first what it asks."""
        self.tell(asked)
        return self.terminal.ask(prompt, secret=asked.secret)

    def tell(self, asked: Asked) -> None:
        """Tell ``watch`` what the question printed next asks (one read by the caller)."""
        if self._watch is not None:
            self._watch.asking(asked)

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
        asked = Asked(
            id=field.id,
            shortcuts=field.shortcuts,
            keeps=default is not None,
            shown=None if field.secret or default is None else (shown_default or default),
            required=field.required,
            secret=field.secret,
        )
        while True:
            answer = self.read(question, asked)
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
                    self.error(field, _("ce champ est obligatoire, veuillez le remplir."))
                    continue
            try:
                return check(text)
            except RuleError as refusal:
                said = refusal.message
                if field.echo and not field.secret:  # heard back, a typo is easier to find
                    said += " " + _("Vous avez saisi : {text}.").format(text=text)
                self.error(field, said, refused=text if field.echo and not field.secret else None)

    def choose(
        self,
        question: str,
        choices: Sequence[Choice],
        help_text: str,
        *,
        quit_means: int | None = None,
        field: str = "",
    ) -> int:
        """A numbered menu; returns the index (from 0) of the choice made. ``field``: the id
        of the field it asks, when it asks one (« Civilité »).

        ``q`` asks to quit, unless ``quit_means`` names the choice it stands for.
        """
        options = [choice.label for choice in choices]
        asked = Asked(id=field, choices=tuple(choices))
        self.terminal.say(question)
        self.terminal.say(*(f"{number}. {option}" for number, option in enumerate(options, 1)))
        if len(options) == 1:
            ask = _("Tapez 1 puis Entrée :")
        elif len(options) == 2:
            ask = _("Votre choix (1 ou 2) :")
        else:
            ask = _("Votre choix (1 à {n}) :").format(n=len(options))
        while True:
            answer = self.read(ask, asked).strip()
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

    def error(self, field: Field, message: str, *, refused: str | None = None) -> None:
        """Say what is wrong with ``field``; ``watch`` is told which field, and the answer
        said back (``refused``), if any."""
        if self._watch is not None:
            self._watch.refused(field.id, refused)
        self.terminal.say(field_error(field.label, message))

    def quit(self) -> None:
        """« Quitter »: raises ``QuitRequested`` once confirmed; returns if the person stays."""
        question = self._confirm_quit()
        if question is None:
            raise QuitRequested
        choice = self.choose(
            question,
            [Choice("stay", _(words.STAY)), Choice("quit", _(words.QUIT))],
            _("Choisissez 1 pour continuer votre démarche, 2 pour vous déconnecter."),
            quit_means=1,
        )
        if choice == 1:
            raise QuitRequested
