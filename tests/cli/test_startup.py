"""Reading the command line loads only what the command asked for runs: ``caf-tui`` alone (and
``caf-tui config``) imports neither the replayer, the stub, argon2 nor Textual to parse it."""

from __future__ import annotations

import subprocess
import sys

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
