"""``caf-tui replay FILE…`` and ``caf-tui record FILE``: their arguments and what they run."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path

from caf_tui import cli_words
from caf_tui.cli_words import completes
from caf_tui.i18n import _

FLOW_SUFFIXES = (".yaml", ".yml", ".json")
SCHEMA_SUFFIX = ".schema.json"


def _flow_files(items: Sequence[str]) -> list[Path]:
    """Files as given; a folder stands for its ``*.yaml``, ``*.yml`` and ``*.json`` flows."""
    paths: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            paths += sorted(
                p
                for p in path.iterdir()
                if p.suffix in FLOW_SUFFIXES and not p.name.endswith(SCHEMA_SUFFIX)
            )
        else:
            paths.append(path)
    return paths


def copy_examples(folder: Path) -> list[Path]:
    """Copy the flow library shipped with the package (and its schema) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    with as_file(files("caf_tui") / "flows") as library:
        for source in sorted(Path(library).iterdir()):
            if source.suffix in FLOW_SUFFIXES:
                target = folder / source.name
                shutil.copyfile(source, target)
                copied.append(target)
    return copied


def add_replay_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Rejoue des parcours (scripts YAML ou JSON) sans affichage, chacun contre un bouchon "
        "neuf, et écrit un rapport (JUnit XML, HTML, captures SVG)."
    )
    completes(
        parser.add_argument(
            "replay_files", nargs="*", metavar=_(cli_words.FILE), help=_("parcours, ou dossiers")
        ),
        "file",
    )
    parser.add_argument(
        "--backend",
        dest="replay_backend",
        metavar="URL",
        help=_("serveur à utiliser au lieu d'un bouchon neuf par parcours"),
    )
    completes(
        parser.add_argument(
            "--report",
            metavar=_(cli_words.FOLDER),
            default="replay-report",
            help=_("dossier du rapport"),
        ),
        "directory",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=_(
            "parcours rejoués en même temps ; avec --backend, chacun sur une copie neuve de "
            "son persona"
        ),
    )
    parser.add_argument(
        "--check",
        dest="replay_check",
        action="store_true",
        help=_("vérifie les parcours sans les rejouer (fichier et ligne de chaque erreur)"),
    )
    parser.add_argument(
        "--plain",
        dest="replay_plain",
        action="store_true",
        help=_("rejouer par le mode ligne à ligne"),
    )
    completes(
        parser.add_argument(
            "--examples",
            metavar=_(cli_words.FOLDER),
            help=_("copie les parcours livrés (et leur schéma) dans DOSSIER et quitte"),
        ),
        "directory",
    )


def run_replay(args: argparse.Namespace) -> int:
    if args.examples:
        copied = copy_examples(Path(args.examples))
        print(_("{n} fichiers copiés dans {folder}").format(n=len(copied), folder=args.examples))
        return 0
    from caf_tui.replay.report import console_lines, write_report
    from caf_tui.replay.runner import ReplayOptions, replay_files

    paths = _flow_files(args.replay_files)
    if not paths:
        print(_("Aucun parcours à rejouer : donnez des fichiers ou un dossier."), file=sys.stderr)
        return 2
    if args.replay_check:
        return _check(paths)
    options = ReplayOptions(
        report_dir=Path(args.report),
        backend_url=args.replay_backend,
        plain=args.replay_plain,
        shared=args.replay_backend is not None and args.jobs > 1,
    )
    started = time.perf_counter()
    results = replay_files(paths, options, jobs=max(1, args.jobs))
    seconds = round(time.perf_counter() - started, 3)
    write_report(results, options.report_dir, seconds)
    for line in console_lines(results, seconds):
        print(line)
    print(_("Rapport : {path}").format(path=options.report_dir / "index.html"))
    return 0 if all(result.passed for result in results) else 1


def _check(paths: Sequence[Path]) -> int:
    from caf_tui.replay.check import check_files

    problems = check_files(list(paths))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            _("{n} erreur(s) dans les parcours : rien n'a été rejoué.").format(n=len(problems)),
            file=sys.stderr,
        )
        return 2
    print(_("{n} parcours valide(s).").format(n=len(paths)))
    return 0


def add_record_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Enregistre un parcours : faites-le dans l'application, le script est écrit à la "
        "sortie (mots de passe et codes remplacés par des variables)."
    )
    completes(
        parser.add_argument(
            "record_file", metavar=_(cli_words.FILE), help=_("script à écrire (.yaml)")
        ),
        "file",
    )
    parser.add_argument(
        "--backend",
        dest="record_backend",
        metavar="URL",
        help=_("serveur (défaut : la démo locale)"),
    )
    parser.add_argument("--name", help=_("nom du parcours (défaut : le nom du fichier)"))


def run_record(args: argparse.Namespace) -> int:
    from caf_tui.replay.record import record_interactively

    path = Path(args.record_file)
    record_interactively(path, backend_url=args.record_backend, name=args.name)
    print(_("Parcours enregistré : {path}").format(path=path))
    return 0
