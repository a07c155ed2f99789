"""``caf-tui serve``: the kiosk app in browsers, through textual-serve.

Each browser session gets its own app process, run as ``caf-tui --kiosk …`` (with this
interpreter), so the kiosk's rules hold there too: welcome screen, no keyring, the staff PIN
to leave, the wipe. The kiosk's settings (``CAF_TUI_KIOSK_*``, the PIN hash) reach the app
processes through the environment. Without ``--backend``, one local stub serves every session.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from typing import Any


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caf-tui serve",
        description="Sert caf-tui en mode borne dans un navigateur (une application par session).",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port d'écoute (8000)")
    parser.add_argument("--public-url", help="adresse publique, derrière un mandataire")
    parser.add_argument("--backend", metavar="URL", help="serveur qui parle le contrat /api/v1")
    parser.add_argument("--stub-db", metavar="PATH", help="base SQLite de la démo locale")
    parser.add_argument("--theme", choices=["caf", "contrast", "ansi"], help="thème")
    parser.add_argument("--lang", help="langue (fr, en)")
    parser.add_argument("--assist", action="store_true", help="notes pour l'agent")


def served_command(args: argparse.Namespace, backend_url: str) -> str:
    """The shell command textual-serve runs for each browser session."""
    command = [sys.executable, "-m", "caf_tui", "--kiosk", "--backend", backend_url]
    if args.theme:
        command += ["--theme", args.theme]
    if args.lang:
        command += ["--lang", args.lang]
    if args.assist:
        command.append("--assist")
    return shlex.join(command)


def _start_stub(db: str | None) -> Any:
    from backend_stub.server import serve_in_thread
    from backend_stub.settings import StubSettings

    return serve_in_thread(StubSettings.model_validate({"db": db} if db else {}))


def main(argv: Sequence[str] = ()) -> int:
    return run(build_parser().parse_args(list(argv)))


def run(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    stub = None
    backend_url: str | None = args.backend
    if backend_url is None:
        stub = _start_stub(args.stub_db)
        backend_url = str(stub.url)
    try:
        server = Server(
            served_command(args, backend_url),
            host=args.host,
            port=args.port,
            title="Caf · Mon Compte",
            public_url=args.public_url,
        )
        server.serve()
    finally:
        if stub is not None:
            stub.stop()
    return 0
