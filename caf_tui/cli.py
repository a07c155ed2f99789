"""``caf-tui``: one command tree (argparse), its words in the chosen language.

``caf-tui [settings] [COMMAND …]``: without a command, the app (screens, or the line mode);
``serve``, ``replay``, ``record``, ``kiosk-pin``, ``completion`` and ``config`` are subcommands,
each module giving ``add_arguments(parser)`` and ``run(args)``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from caf_tui import cli_words
from caf_tui.config_names import (
    DEST_PREFIX,
    FLAGS,
    config_file,
    config_override,
    setting_flags,
    variable_name,
)
from caf_tui.i18n import N_, _, set_language
from caf_tui.locale_choice import language_from_locale

if TYPE_CHECKING:
    from caf_tui.config import Settings
    from caf_tui.config_sources import LoadedSettings
    from caf_tui.settings_cache import CacheHit

PROG = "caf-tui"

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


Handler = Callable[[argparse.Namespace], int]

#: name, help, module, its add_arguments, its run.
SUBCOMMANDS: tuple[tuple[str, str, str, str, str], ...] = (
    ("serve", N_("sert le mode borne dans un navigateur"), "caf_tui.serve", "add_arguments", "run"),
    (
        "replay",
        N_("rejoue des parcours (QA) et écrit un rapport"),
        "caf_tui.replay.command",
        "add_replay_arguments",
        "run_replay",
    ),
    (
        "record",
        N_("enregistre un parcours fait dans l'application"),
        "caf_tui.replay.command",
        "add_record_arguments",
        "run_record",
    ),
    (
        "kiosk-pin",
        N_("donne le hachage argon2 du code du personnel"),
        "caf_tui.kiosk.pin",
        "add_arguments",
        "run",
    ),
    (
        "completion",
        N_("script de complétion pour bash, zsh ou fish"),
        "caf_tui.completion",
        "add_arguments",
        "run",
    ),
    (
        "config",
        N_("montre les réglages en vigueur et d'où vient chacun"),
        "caf_tui.config_command",
        "add_arguments",
        "run",
    ),
)


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


def commands_named(argv: Sequence[str]) -> set[str]:
    """Every word of ``argv`` that names a subcommand (the one run is among them, whatever
    the flags' values before it)."""
    names = {name for name, *_rest in SUBCOMMANDS}
    return {word for word in argv if word in names}


# --- the app ---------------------------------------------------------------------------------


def line_mode_reason() -> str | None:
    """Why the full-screen UI cannot run here (the line mode is taken instead), if it cannot."""
    if os.environ.get("TEXTUAL_DRIVER"):  # textual-serve's browser sessions: no terminal needed
        return None
    if os.environ.get("TERM", "") == "dumb":
        return _(
            "Mode ligne à ligne : ce terminal (TERM=dumb) n'affiche pas le plein écran "
            "(--no-plain pour l'imposer)."
        )
    if not sys.stdout.isatty():
        return _(
            "Mode ligne à ligne : la sortie n'est pas un terminal (--no-plain pour imposer le "
            "plein écran)."
        )
    return None


def run_app(loaded: LoadedSettings) -> int:
    settings = loaded.settings
    if not settings.plain and loaded.origins["plain"].kind == "default":
        reason = line_mode_reason()
        if reason is not None:
            print(reason, flush=True)
            settings.plain = True
    if settings.plain:
        from caf_tui.plain import run_plain

        status: int = run_plain(settings)
        return status
    with collector_held_until_painted():
        from caf_tui.app import CafApp

        app_class: type[CafApp] = CafApp
        if settings.kiosk:
            from caf_tui.kiosk.app import KioskApp

            app_class = KioskApp
        app_class(settings).run()
    return 0


@contextmanager
def collector_held_until_painted() -> Iterator[None]:
    """No garbage collection from the imports to the first frame: the start allocates little
    garbage but many objects, and a full collection among them cost a fifth of a bare Textual
    app's paint. The app collects again once it has painted (``CafApp._after_the_first_frame``,
    which freezes what the start made); here, if it never did."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# --- entry point -----------------------------------------------------------------------------


def early_language(argv: Sequence[str]) -> str:
    """The language of the help and the messages, before the settings are read in full."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    early.add_argument("--config")
    known, _rest = early.parse_known_args(list(argv))
    config_override.set(Path(known.config) if known.config else None)  # this run's only
    for candidate in (known.lang, os.environ.get(variable_name("lang")), _language_in_file()):
        if candidate in ("fr", "en"):
            return str(candidate)
    return language_from_locale()


def _language_in_file() -> object:
    """The config file's ``lang``, read with tomllib alone: building the settings here would
    read every source twice per start (a wrong file is said later, in full)."""
    try:
        with config_file().open("rb") as config:
            import tomllib  # only for a file there: most starts have none

            return tomllib.load(config).get("lang")
    except (OSError, ValueError):  # absent, unreadable, not TOML, not UTF-8
        return None


def settings_from_args(argv: Sequence[str] | None = None) -> Settings:
    """The settings a command line asks for (tests, tools)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(commands_named(arguments)).parse_args(arguments)
    config_override.set(Path(args.config) if args.config else None)
    from caf_tui.config_sources import load_settings

    return load_settings(setting_flags(args)).settings


def _handler(reference: str) -> Handler:
    module_name, _sep, name = reference.partition(":")
    handler: Handler = getattr(import_module(module_name), name)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:  # the reader stopped early (caf-tui completion bash | head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 0


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(early_language(arguments))
    args = build_parser(commands_named(arguments)).parse_args(arguments)
    config_override.set(Path(args.config) if args.config else None)
    flags = setting_flags(args)
    if args.command is None:
        from caf_tui import settings_cache

        digest = settings_cache.inputs_digest(flags, config_file())
        hit = settings_cache.lookup(digest)
        if hit is not None and _paints_from_cache(hit):
            return run_app_from_cache(hit, flags)
    from caf_tui.config_sources import SettingsRefused, load_settings

    try:
        loaded = load_settings(flags)
    except SettingsRefused as refused:
        for line in refused.lines:
            print(line, file=sys.stderr)
        return 2
    set_language(loaded.settings.lang)
    if args.command in ("completion", "kiosk-pin", "config"):
        return _handler(args.handler)(args)
    from caf_tui.logs import configure_logging

    configure_logging(loaded.settings)
    if args.command is None:
        settings_cache.store(digest, loaded)
        return run_app(loaded)
    return _handler(args.handler)(args)


def _paints_from_cache(hit: CacheHit) -> bool:
    """Only the screens' login is painted from cached values: the line mode and the counter
    (its PIN hash is a secret, never cached) validate first, as does a plug-in backend (what is
    installed is not part of the hash)."""
    values = hit.settings
    if getattr(values, "plain", True) or getattr(values, "kiosk", True):
        return False
    if getattr(values, "backend_kind", None) != "http":
        return False
    return hit.plain_origin != "default" or line_mode_reason() is None


def run_app_from_cache(hit: CacheHit, flags: dict[str, object]) -> int:
    """The app from the values this start's inputs validated to last time; the real settings
    are built once the login is painted (same inputs, same values)."""
    from caf_tui.logs import configure_logging

    # The cached values have every attribute of Settings the app reads before the frame.
    settings = cast("Settings", hit.settings)
    set_language(settings.lang)
    configure_logging(settings)
    path = config_file()

    def validated() -> Settings:
        from caf_tui.config_sources import load_settings

        config_override.set(path)  # this thread's own context
        return load_settings(flags).settings

    with collector_held_until_painted():
        from caf_tui.app import CafApp

        CafApp(settings, validated_later=validated).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
