"""``caf-tui completion bash|zsh|fish``: the shell's completion script, made by shtab from the
very parser that reads the command line (so it lists every subcommand, flag and choice)."""

from __future__ import annotations

import argparse

from caf_tui.cli_words import COMPLETES
from caf_tui.i18n import _

SHELLS = ("bash", "zsh", "fish")
COMMANDS = ("caf-tui", "caf-stub")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help=_("le shell : bash, zsh ou fish"))
    parser.add_argument(
        "--command",
        choices=COMMANDS,
        default="caf-tui",
        help=_("la commande à compléter (défaut : caf-tui)"),
    )
    parser.epilog = _(
        "Par exemple : caf-tui completion bash > ~/.local/share/bash-completion/completions/"
        "caf-tui ; pour zsh, un fichier _caf-tui dans $fpath ; pour fish, "
        "~/.config/fish/completions/caf-tui.fish."
    )


def parser_of(command: str) -> argparse.ArgumentParser:
    if command == "caf-stub":
        from caf_stub.__main__ import build_parser as stub_parser

        return stub_parser()
    from caf_tui.cli_parser import build_parser

    return build_parser()


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def script(shell: str, command: str = "caf-tui") -> str:
    import shtab

    kinds = {"file": shtab.FILE, "directory": shtab.DIRECTORY}
    parser = parser_of(command)
    for each in _parsers(parser):
        for action in each._actions:
            kind = getattr(action, COMPLETES, None)
            if kind in kinds:
                action.complete = kinds[kind]  # type: ignore[attr-defined]
    return str(shtab.complete(parser, shell=shell))


def run(args: argparse.Namespace) -> int:
    print(script(args.shell, args.command))
    return 0
