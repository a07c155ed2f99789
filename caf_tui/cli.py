"""``caf-tui``: one command tree (argparse, ``caf_tui.cli_parser``), its words in the chosen
language.

``caf-tui [settings] [COMMAND …]``: without a command, the app (screens, or the line mode);
``serve``, ``replay``, ``record``, ``kiosk-pin``, ``completion`` and ``config`` are subcommands,
each module giving ``add_arguments(parser)`` and ``run(args)``. ``caf-tui`` alone reads no
argument: it starts without building the parser.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, cast

from caf_tui.cli_commands import commands_named
from caf_tui.config_names import config_file, config_override, setting_flags, variable_name
from caf_tui.i18n import _, set_language
from caf_tui.locale_choice import language_from_locale

if TYPE_CHECKING:
    import argparse

    from caf_tui.config import Settings
    from caf_tui.config_sources import LoadedSettings
    from caf_tui.settings_cache import CacheHit

#: A subcommand's ``run``: its parsed arguments, its exit status.
Handler = Callable[["argparse.Namespace"], int]


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
    lang: str | None = None
    config: str | None = None
    if argv:  # none: neither flag, and a person's start does without argparse
        import argparse

        early = argparse.ArgumentParser(add_help=False)
        early.add_argument("--lang")
        early.add_argument("--config")
        known, _rest = early.parse_known_args(list(argv))
        lang, config = known.lang, known.config
    config_override.set(Path(config) if config else None)  # this run's only
    for candidate in (lang, os.environ.get(variable_name("lang")), _language_in_file()):
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
    args = parsed(arguments)
    from caf_tui.config_sources import load_settings

    return load_settings(setting_flags(args) if args is not None else {}).settings


def parsed(arguments: Sequence[str]) -> argparse.Namespace | None:
    """The command line as the parser reads it, its config file made this run's; None for no
    arguments, which the parser reads as no command, no config file and no setting
    (``tests/cli/test_startup.py`` holds it to that): a person's ``caf-tui`` does without
    building the parser."""
    if not arguments:
        config_override.set(None)
        return None
    from caf_tui.cli_parser import build_parser

    args = build_parser(commands_named(arguments)).parse_args(list(arguments))
    config_override.set(Path(args.config) if args.config else None)
    return args


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
    args = parsed(arguments)
    flags = setting_flags(args) if args is not None else {}
    if args is None or args.command is None:
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
    if args is not None and args.command in ("completion", "kiosk-pin", "config"):
        return _handler(args.handler)(args)
    from caf_tui.logs import configure_logging

    configure_logging(loaded.settings)
    if args is None or args.command is None:
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
