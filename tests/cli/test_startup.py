"""Reading the command line loads only what the command asked for runs: ``caf-tui`` alone (and
``caf-tui config``) imports neither the replayer, the stub, argon2 nor Textual to parse it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("caf_stub", "fastapi", "uvicorn", "argon2", "textual", "yaml", "shtab")

PARSED = f"""
import sys
from caf_tui.cli import main
assert main(["--theme", "ansi", "config"]) == 0
print("LOADED", ",".join(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_parsing_the_command_line_loads_no_subcommand_s_module() -> None:
    ran = subprocess.run(
        [sys.executable, "-c", PARSED], capture_output=True, text=True, timeout=60, check=True
    )
    assert ran.stdout.splitlines()[-1] == "LOADED "


def test_no_arguments_are_read_as_the_parser_reads_them() -> None:
    """``caf-tui`` alone builds no parser (``cli.parsed``): it takes no command, no config
    file and no setting, which must stay what the parser makes of no arguments."""
    from caf_tui.cli import parsed
    from caf_tui.cli_commands import commands_named
    from caf_tui.cli_parser import build_parser
    from caf_tui.config_names import config_override, setting_flags

    args = build_parser(commands_named([])).parse_args([])
    assert args.command is None
    assert args.config is None
    assert setting_flags(args) == {}
    config_override.set(Path("elsewhere.toml"))
    assert parsed([]) is None
    assert config_override.get() is None  # an earlier run's --config is not this one's


def test_a_command_line_with_words_is_parsed() -> None:
    from caf_tui.cli import parsed
    from caf_tui.config_names import setting_flags

    args = parsed(["--theme", "ansi", "config"])
    assert args is not None
    assert args.command == "config"
    assert setting_flags(args) == {"theme": "ansi"}
