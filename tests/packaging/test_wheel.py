"""The package as a user gets it: the wheel and the sdist are built and pass ``twine check``;
the wheel, installed (not editable) into a fresh venv, runs its commands: ``--version``,
``--help``, the bash completion, ``caf-stub --version``, the login's first frame, and the
replay of a shipped example flow.

To stay under a minute the fresh venv borrows its dependencies from the running one (a ``.pth``
line) and the wheel is installed with ``--no-deps``; ``pip check`` then proves the wheel's
requirements are met. ``CAF_TUI_PACKAGING_FULL=1`` installs the dependencies for real (about
two minutes on the shared machine).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from caf_tui.cli_commands import SUBCOMMANDS

pytestmark = [pytest.mark.slow, pytest.mark.packaging]

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    venv: Path
    home: Path

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)

    def env(self) -> dict[str, str]:
        kept = {k: v for k, v in os.environ.items() if not k.startswith(("CAF_TUI_", "CAF_STUB_"))}
        kept.pop("PYTHONPATH", None)
        return {
            **kept,
            "CAF_TUI_LANG": "fr",
            "CAF_TUI_REMEMBER": "0",
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "XDG_STATE_HOME": str(self.home / "state"),
            "XDG_CACHE_HOME": str(self.home / "cache"),
        }

    def run(self, *command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            env=self.env(),
            cwd=cwd or self.home,
            timeout=TIMEOUT,
            check=False,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        # no isolation: the build backend (setuptools, from the test extra) is already here
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    full = os.environ.get("CAF_TUI_PACKAGING_FULL") == "1"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    if not full:
        purelib = Path(
            subprocess.check_output(
                [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                text=True,
            ).strip()
        )
        (purelib / "borrowed-dependencies.pth").write_text(
            sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
        )
        install.append("--no-deps")
    done = subprocess.run(
        [*install, str(wheel)], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    home = tmp_path_factory.mktemp("home")
    yield Installed(wheel=wheel, sdist=sdist, venv=venv, home=home)


def test_twine_check_passes_on_the_wheel_and_the_sdist(installed: Installed) -> None:
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            str(installed.wheel),
            str(installed.sdist),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


def test_the_wheel_ships_the_license_the_flow_library_and_its_schema(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        text = wheel.read(metadata).decode()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "caf_tui/flows/flow.schema.json" in names and "caf_tui/flows/karim-sms.yaml" in names
    assert (
        "caf_tui/styles/app.tcss" in names and "caf_tui/locale/en/LC_MESSAGES/caf_tui.po" in names
    )
    assert "License-Expression: MIT" in text and "Project-URL:" in text


def test_installed_not_editable_and_its_requirements_met(installed: Installed) -> None:
    where = installed.run(
        installed.bin("python"), "-c", "import caf_tui, caf_stub; print(caf_tui.__file__)"
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.venv)
    checked = installed.run(
        sys.executable, "-m", "pip", "--python", installed.bin("python"), "check"
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_both_commands_say_their_version(installed: Installed) -> None:
    version = installed.wheel.name.split("-")[1]
    for command in ("caf-tui", "caf-stub"):
        said = installed.run(installed.bin(command), "--version")
        assert said.returncode == 0, said.stderr
        assert said.stdout.strip() == f"{command} {version}"


def test_the_help_lists_every_subcommand(installed: Installed) -> None:
    helped = installed.run(installed.bin("caf-tui"), "--help")
    assert helped.returncode == 0, helped.stderr
    for name, *_rest in SUBCOMMANDS:
        assert f"    {name} " in helped.stdout, name


def test_bash_sources_the_completion(installed: Installed) -> None:
    sourced = installed.run(
        "bash",
        "--norc",
        "--noprofile",
        "-c",
        f'source <("{installed.bin("caf-tui")}" completion bash) && complete -p caf-tui',
    )
    assert sourced.returncode == 0 and sourced.stderr == "", sourced.stderr
    assert sourced.stdout.strip().endswith(" caf-tui")


PAINTED = """
from caf_tui.app import CafApp
from caf_tui.config import Settings

class Painted(CafApp):
    def on_ready(self) -> None:
        print(type(self.screen).__name__)
        self.exit()

Painted(Settings()).run(headless=True, size=(80, 24))
"""


def test_the_login_s_first_frame_headless(installed: Installed) -> None:
    painted = installed.run(installed.bin("python"), "-c", PAINTED)
    assert painted.returncode == 0, painted.stderr[-3000:]
    assert painted.stdout.split()[0] == "LoginScreen"


def test_a_shipped_example_flow_replays(installed: Installed) -> None:
    examples = installed.home / "exemples"
    copied = installed.run(installed.bin("caf-tui"), "replay", "--examples", str(examples))
    assert copied.returncode == 0, copied.stderr
    assert (examples / "flow.schema.json").is_file() and (examples / "karim-sms.yaml").is_file()
    report = installed.home / "rapport"
    replayed = installed.run(
        installed.bin("caf-tui"),
        "replay",
        str(examples / "paul-dashboard.yaml"),
        "--report",
        str(report),
    )
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr[-3000:]
    assert "1/1 parcours réussis" in replayed.stdout
    suite = ET.parse(report / "junit.xml").getroot()
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "0")
