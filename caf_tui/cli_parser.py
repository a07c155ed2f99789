"""The ``caf-tui`` command line's parser: a flag per setting, ``--version``, ``--config`` and
the subcommands (``caf_tui.cli_commands``), its words in the chosen language.

Built only when the command line has words: ``caf-tui`` alone, a person's every start, reads no
argument and paints its login without it (``caf_tui.cli``); argparse and the parser cost that
start some 25 M instructions, a fiftieth of its first frame.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection, Sequence
from importlib import import_module
from typing import Any

from caf_tui import cli_words
from caf_tui.cli_commands import PROG, SUBCOMMANDS
from caf_tui.config_names import DEST_PREFIX, FLAGS, variable_name
from caf_tui.i18n import N_, _

SETTING_HELP: dict[str, str] = {
    "backend_url": N_("serveur qui parle le contrat /api/v1 (défaut : la démo locale intégrée)"),
    "backend_kind": N_("autre implémentation, du groupe d'entry points caf_tui.backends"),
    "stub_db": N_("fichier SQLite de la démo locale (défaut : dossier de données)"),
    "plain": N_(
        "mode ligne à ligne pour les lecteurs d'écran (aussi ACCESSIBLE=1, TERM=dumb ou une "
        "sortie qui n'est pas un terminal) ; --no-plain impose le plein écran"
    ),
    "theme": N_("thème : caf, contrast (contraste élevé), ansi (couleurs du terminal)"),
    "lang": N_("langue : fr ou en (défaut : celle du système)"),
    "remember": N_("« Se souvenir de moi » dans le trousseau du système (défaut : oui)"),
    "cursor_blink": N_("curseur clignotant (défaut : fixe)"),
    "kiosk": N_("terminal partagé d'un accueil Caf"),
    "kiosk_idle_seconds": N_("secondes sans touche avant l'effacement (au moins 30 ; 120)"),
    "kiosk_warning_seconds": N_("secondes d'avertissement avant l'effacement (au moins 20 ; 20)"),
    "kiosk_session_seconds": N_("durée maximale d'une visite en secondes (au moins 60 ; 1800)"),
    "assist": N_("notes pour l'agent qui accompagne la personne"),
    "log_level": N_("niveau du journal : debug, info, warning, error (défaut : warning)"),
    "log_format": cli_words.LOG_FORMAT_HELP,
    "log_file": N_("fichier du journal (défaut : dossier des journaux de l'utilisateur)"),
}
#: Settings whose value is a path (the shells complete them with file names).
PATHS = frozenset({"stub_db", "log_file"})
METAVARS = {
    "backend_url": "URL",
    "backend_kind": N_("NOM"),
    "stub_db": cli_words.FILE,
    "log_file": cli_words.FILE,
    "kiosk_idle_seconds": cli_words.SECONDS,
    "kiosk_warning_seconds": cli_words.SECONDS,
    "kiosk_session_seconds": cli_words.SECONDS,
}


def package_version() -> str:
    from importlib.metadata import version

    return version("caf-tui")


class VersionAction(argparse.Action):
    """``--version``, its number read when asked for: importlib.metadata and the installed
    files it reads cost a tenth of a bare Textual app's first paint, at every start."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action=VersionAction, help=_("affiche la version et quitte"))


def _help(name: str) -> str:
    return f"{_(SETTING_HELP[name])} [{variable_name(name)}]".replace("%", "%%")


def add_setting_arguments(parser: argparse.ArgumentParser) -> None:
    """A flag per setting (but the PIN hash: a flag would show in ``ps``)."""
    from caf_tui.settings_cache import flag_shapes

    shapes = flag_shapes()
    group = parser.add_argument_group(_("réglages (option > variable > fichier > défaut)"))
    for name, flag in FLAGS.items():
        shape = shapes[name]
        options: dict[str, Any] = {"dest": DEST_PREFIX + name, "help": _help(name)}
        if shape.boolean:
            options["action"] = argparse.BooleanOptionalAction
        else:
            if shape.choices is not None:
                options["choices"] = shape.choices
            if name in METAVARS:
                options["metavar"] = _(METAVARS[name])
        added = group.add_argument(flag, **options)
        if name in PATHS:
            cli_words.completes(added, "file")


def build_parser(commands: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The whole tree; with ``commands``, only those subcommands get their own arguments (the
    others are named, with their summary): a subcommand's module is imported only when asked
    for, so ``caf-tui`` alone starts without the replayer (which loads the stub)."""
    cli_words.install()
    parser = cli_words.CommandParser(
        prog=PROG,
        formatter_class=cli_words.CommandHelpFormatter,
        description=_("Guide du portail Caf « Mon Compte » dans le terminal."),
        epilog=_(
            "Sans option : CAF_TUI_KIOSK_PIN_HASH (hachage du code du personnel, caf-tui "
            "kiosk-pin), CAF_TUI_CONFIG (autre fichier de réglages). Fichier de réglages : "
            "$XDG_CONFIG_HOME/caf-tui/config.toml (voir caf-tui config)."
        ),
    )
    add_version(parser)
    config = parser.add_argument(
        "--config",
        metavar=_(cli_words.FILE),
        help=_("fichier de réglages TOML [CAF_TUI_CONFIG]"),
    )
    cli_words.completes(config, "file")
    add_setting_arguments(parser)
    subparsers = parser.add_subparsers(
        title=_("commandes"),
        metavar=_("COMMANDE"),
        dest="command",
        parser_class=cli_words.CommandParser,
    )
    for name, summary, module_name, add_name, run_name in SUBCOMMANDS:
        sub = subparsers.add_parser(
            name,
            help=_(summary),
            description=_(summary),
            formatter_class=cli_words.CommandHelpFormatter,
        )
        if commands is None or name in commands:
            getattr(import_module(module_name), add_name)(sub)
        sub.set_defaults(handler=f"{module_name}:{run_name}")
    return parser
