"""``caf-tui``: arguments -> settings -> backend -> view."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from caf_tui import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caf-tui",
        description="Guide du portail Caf « Mon Compte » dans le terminal.",
    )
    parser.add_argument("--version", action="version", version=f"caf-tui {__version__}")
    parser.add_argument(
        "--backend",
        dest="backend_url",
        metavar="URL",
        help="serveur qui parle le contrat /api/v1 (défaut : démo locale intégrée)",
    )
    parser.add_argument("--backend-kind", metavar="NAME", help="implémentation (entry point)")
    parser.add_argument("--stub-db", metavar="PATH", help="base SQLite de la démo intégrée")
    parser.add_argument("--plain", action="store_true", default=None, help="mode ligne à ligne")
    parser.add_argument("--theme", choices=["caf", "contrast", "ansi"], help="thème")
    parser.add_argument("--lang", help="langue (fr, en)")
    parser.add_argument(
        "--no-remember",
        dest="remember",
        action="store_false",
        default=None,
        help="ne jamais utiliser le trousseau (« Se souvenir de moi »)",
    )
    parser.add_argument(
        "--kiosk", action="store_true", default=None, help="terminal partagé d'un accueil Caf"
    )
    parser.add_argument(
        "--assist", action="store_true", default=None, help="notes pour l'agent qui accompagne"
    )
    return parser


def settings_from_args(argv: Sequence[str] | None = None) -> Any:
    from caf_tui.config import Settings

    args = build_parser().parse_args(argv)
    overrides = {key: value for key, value in vars(args).items() if value is not None}
    return Settings(**overrides)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["serve"]:  # caf-tui serve: the kiosk app in browsers (textual-serve)
        from caf_tui.serve import main as serve_main

        return serve_main(args[1:])
    if args[:1] == ["kiosk-pin"]:  # caf-tui kiosk-pin: the hash of the staff PIN
        from caf_tui.kiosk.pin import main as pin_main

        return pin_main(args[1:])
    if args[:1] in (["record"], ["replay"]):  # QA: flow scripts (caf_tui/replay)
        from caf_tui.replay.command import run_command

        return run_command(args)
    settings = settings_from_args(argv)
    from caf_tui.logs import configure_logging

    configure_logging()
    if settings.plain:
        from caf_tui.plain import run_plain

        status: int = run_plain(settings)
        return status
    from caf_tui.app import CafApp

    app_class: type[CafApp] = CafApp
    if settings.kiosk:
        from caf_tui.kiosk.app import KioskApp

        app_class = KioskApp
    app_class(settings).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
