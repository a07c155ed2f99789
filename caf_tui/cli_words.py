"""argparse's own words (headings, its error messages) in the app's language.

argparse looks its words up with :func:`gettext.gettext` under the default domain, where no
catalog of ours can be found. Each English message is given here its French source (marked for
extraction); the app's catalog gives it back in English, or in any later language, through the
same ``_`` as every other word of the app.
"""

from __future__ import annotations

import argparse
from typing import Literal, NoReturn

from caf_tui.i18n import N_, _, current_language

ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": N_("utilisation : "),
    "positional arguments": N_("arguments"),
    "options": N_("options"),
    "show this help message and exit": N_("affiche cette aide et quitte"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s : erreur : %(message)s\n"),
    "argument %(argument_name)s: %(message)s": N_("argument %(argument_name)s : %(message)s"),
    "the following arguments are required: %s": N_("arguments obligatoires manquants : %s"),
    "unrecognized arguments: %s": N_("arguments non reconnus : %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "choix invalide : %(value)r (valeurs acceptées : %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": N_("valeur %(type)s invalide : %(value)r"),
    "expected one argument": N_("une valeur attendue"),
    "expected at most one argument": N_("au plus une valeur attendue"),
    "expected at least one argument": N_("au moins une valeur attendue"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": N_("incompatible avec l'argument %s"),
    "ignored explicit argument %r": N_("valeur %r ignorée"),
    "one of the arguments %s is required": N_("l'un des arguments %s est obligatoire"),
    "can't open '%(filename)s': %(error)s": N_("impossible d'ouvrir « %(filename)s » : %(error)s"),
}

PLURAL_WORDS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        N_("%s valeur attendue"),
        N_("%s valeurs attendues"),
    ),
}


def argparse_gettext(message: str) -> str:
    french = ARGPARSE_WORDS.get(message)
    return message if french is None else _(french)


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    french = PLURAL_WORDS.get((singular, plural))
    if french is None:
        return singular if n == 1 else plural
    return _(french[0] if n == 1 else french[1])


def install() -> None:
    """From now on, argparse speaks the app's language (the one :func:`set_language` chose)."""
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]


class CommandHelpFormatter(argparse.HelpFormatter):
    """French puts a no-break space before the colon argparse writes after each heading."""

    def start_section(self, heading: str | None) -> None:
        if heading and current_language() == "fr":
            heading += "\u00a0"
        super().start_section(heading)


class CommandParser(argparse.ArgumentParser):
    """An error is one line in the chosen language (no usage block), and exit status 2."""

    def error(self, message: str) -> NoReturn:
        hint = _("Voir {prog} --help.").format(prog=self.prog)
        self.exit(
            2,
            _("{prog} : erreur : {message}. {hint}\n").format(
                prog=self.prog, message=message, hint=hint
            ),
        )


#: The attribute naming what a shell should complete an argument with (read by completion.py,
#: which maps it to shtab's own: shtab is imported only to write a completion script).
COMPLETES = "caf_tui_completes"
PathKind = Literal["file", "directory"]


def completes(action: argparse.Action, kind: PathKind) -> argparse.Action:
    """Mark ``action``'s value as a file or directory path, for the shells' completion."""
    setattr(action, COMPLETES, kind)
    return action


#: The placeholders of the help (argparse's metavars), one word each.
FILE = N_("FICHIER")
FOLDER = N_("DOSSIER")
SECONDS = N_("SECONDES")
LOG_FORMAT_HELP = N_("forme du journal : text, ou json (un objet par ligne)")
