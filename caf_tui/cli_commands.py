"""The ``caf-tui`` command's name and subcommands: what both the start (``caf_tui.cli``) and the
parser (``caf_tui.cli_parser``) know of them, without argparse."""

from __future__ import annotations

from collections.abc import Sequence

from caf_tui.i18n import N_

PROG = "caf-tui"

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


def commands_named(argv: Sequence[str]) -> set[str]:
    """Every word of ``argv`` that names a subcommand (the one run is among them, whatever
    the flags' values before it)."""
    names = {name for name, *_rest in SUBCOMMANDS}
    return {word for word in argv if word in names}
