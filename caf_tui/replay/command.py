"""``caf-tui replay FILE…`` and ``caf-tui record FILE``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from caf_tui.replay.report import console_lines, write_report
from caf_tui.replay.runner import ReplayOptions, replay_files

COMMANDS = ("record", "replay")


def _flow_files(items: Sequence[str]) -> list[Path]:
    """Files as given; a folder stands for its ``*.yaml``, ``*.yml`` and ``*.json`` flows."""
    paths: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            paths += sorted(
                p
                for p in path.iterdir()
                if p.suffix in (".yaml", ".yml", ".json") and not p.name.endswith(".schema.json")
            )
        else:
            paths.append(path)
    return paths


def replay_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caf-tui replay",
        description=(
            "Rejoue des parcours (scripts YAML ou JSON) sans affichage, chacun contre un bouchon "
            "neuf, et écrit un rapport (JUnit XML, HTML, captures SVG)."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FICHIER", help="parcours, ou dossiers")
    parser.add_argument("--backend", metavar="URL", help="serveur à utiliser au lieu du bouchon")
    parser.add_argument(
        "--report", metavar="DOSSIER", default="replay-report", help="dossier du rapport"
    )
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="parcours en parallèle")
    parser.add_argument("--plain", action="store_true", help="rejouer par le mode ligne à ligne")
    return parser


def replay_main(argv: Sequence[str]) -> int:
    args = replay_parser().parse_args(argv)
    paths = _flow_files(args.files)
    if not paths:
        print("Aucun parcours à rejouer.", file=sys.stderr)
        return 2
    options = ReplayOptions(
        report_dir=Path(args.report), backend_url=args.backend, plain=args.plain
    )
    started = time.perf_counter()
    results = replay_files(paths, options, jobs=max(1, args.jobs))
    seconds = round(time.perf_counter() - started, 3)
    write_report(results, options.report_dir, seconds)
    for line in console_lines(results, seconds):
        print(line)
    print(f"Rapport : {options.report_dir / 'index.html'}")
    return 0 if all(result.passed for result in results) else 1


def record_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caf-tui record",
        description=(
            "Enregistre un parcours : faites-le dans l'application, le script est écrit à la "
            "sortie (mots de passe et codes remplacés par des variables)."
        ),
    )
    parser.add_argument("file", metavar="FICHIER", help="script à écrire (.yaml)")
    parser.add_argument("--backend", metavar="URL", help="serveur (défaut : démo locale)")
    parser.add_argument("--name", help="nom du parcours (défaut : nom du fichier)")
    return parser


def record_main(argv: Sequence[str]) -> int:
    from caf_tui.replay.record import record_interactively

    args = record_parser().parse_args(argv)
    path = Path(args.file)
    record_interactively(path, backend_url=args.backend, name=args.name)
    print(f"Parcours enregistré : {path}")
    return 0


def run_command(argv: Sequence[str]) -> int:
    """``argv`` starts with ``record`` or ``replay``."""
    command, rest = argv[0], list(argv[1:])
    return record_main(rest) if command == "record" else replay_main(rest)
