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
    return parser


def settings_from_args(argv: Sequence[str] | None = None) -> Any:
    from caf_tui.config import Settings

    args = build_parser().parse_args(argv)
    overrides = {key: value for key, value in vars(args).items() if value is not None}
    return Settings(**overrides)


def main(argv: Sequence[str] | None = None) -> int:
    settings = settings_from_args(argv)
    from caf_tui.logs import configure_logging

    configure_logging()
    if settings.plain:
        from caf_tui.plain import run_plain

        status: int = run_plain(settings)
        return status
    from caf_tui.app import CafApp

    CafApp(settings).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
