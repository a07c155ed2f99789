"""``caf-tui serve``: the kiosk app in browsers, through textual-serve.

Each browser visit gets its own app process, run as ``caf-tui --kiosk …`` (with this
interpreter), so the kiosk's rules hold there too: welcome screen, no keyring, the staff PIN
to leave, the wipe. The kiosk's settings (``CAF_TUI_KIOSK_*``, the PIN hash) reach the app
processes through the environment. Without ``--backend``, one local stub serves every visit.
The page is our own (``templates/``, ``static/``): xterm.js in its screen-reader mode, nothing
loaded from elsewhere. ``--max-sessions`` caps the app processes; without ``--secret`` only
this computer (loopback) may open the page.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from typing import Any

from caf_tui.serve.access import SECRET_PARAMETER, is_loopback

SECRET_VARIABLE = "CAF_TUI_SERVE_SECRET"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"« {text} » : un nombre entier d'au moins 1 est attendu")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Every ``caf-tui serve`` flag, on ``parser``."""
    parser.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port d'écoute (8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="adresse publique de la page, derrière un mandataire (https://borne.exemple/)",
    )
    parser.add_argument("--backend", metavar="URL", help="serveur qui parle le contrat /api/v1")
    parser.add_argument("--stub-db", metavar="PATH", help="base SQLite de la démo locale")
    parser.add_argument("--theme", choices=["caf", "contrast", "ansi"], help="thème")
    parser.add_argument("--lang", choices=["fr", "en"], help="langue (fr, en)")
    parser.add_argument("--assist", action="store_true", help="notes pour l'agent")
    parser.add_argument(
        "--plain",
        action="store_true",
        help=(
            "le mode ligne à ligne par défaut (lecteurs d'écran, plages braille) ; "
            "la page propose toujours l'autre mode"
        ),
    )
    parser.add_argument(
        "--max-sessions",
        type=_positive,
        metavar="N",
        help="au plus N sessions à la fois (une application chacune) ; sans limite par défaut",
    )
    parser.add_argument(
        "--secret",
        help=(
            f"clé partagée exigée des navigateurs (?{SECRET_PARAMETER}=…), obligatoire hors de "
            f"127.0.0.1 ; préférez la variable {SECRET_VARIABLE}, invisible dans la liste "
            "des processus"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caf-tui serve",
        description="Sert caf-tui en mode borne dans un navigateur (une application par session).",
    )
    add_arguments(parser)
    return parser


def served_command(args: argparse.Namespace, backend_url: str) -> str:
    """The shell command textual-serve runs for each visit; ``exec`` so that the app is the
    process the server counts, stops and measures (no shell between)."""
    command = [sys.executable, "-m", "caf_tui", "--kiosk", "--backend", backend_url]
    if args.theme:
        command += ["--theme", args.theme]
    if args.lang:
        command += ["--lang", args.lang]
    if args.assist:
        command.append("--assist")
    return "exec " + shlex.join(command)


def line_command(args: argparse.Namespace, backend_url: str) -> str:
    """The line mode's command, for the visits that choose it (or all, with ``--plain``)."""
    command = [sys.executable, "-m", "caf_tui", "--plain", "--kiosk", "--backend", backend_url]
    if args.lang:
        command += ["--lang", args.lang]
    return "exec " + shlex.join(command)


def _start_stub(db: str | None) -> Any:
    from caf_stub.server import serve_in_thread
    from caf_stub.settings import StubSettings

    return serve_in_thread(StubSettings.model_validate({"db": db} if db else {}))


def _page_language(args: argparse.Namespace) -> str:
    chosen = args.lang or os.environ.get("CAF_TUI_LANG")
    if chosen:
        return str(chosen)
    from caf_tui.config import language_from_locale

    return language_from_locale()


def run(args: argparse.Namespace) -> int:
    # The secret is the server's alone: the app processes inherit this environment.
    secret = args.secret or os.environ.pop(SECRET_VARIABLE, None) or None
    if not secret and not is_loopback(args.host):
        print(
            f"caf-tui serve : l'adresse {args.host} ouvre la borne au réseau ; donnez une clé "
            f"partagée (--secret ou {SECRET_VARIABLE}) ou écoutez sur 127.0.0.1.",
            file=sys.stderr,
        )
        return 2
    lang = _page_language(args)
    from caf_tui.i18n import set_language
    from caf_tui.serve.server import CounterServer

    set_language(lang)
    stub = None
    backend_url: str | None = args.backend
    if backend_url is None:
        stub = _start_stub(args.stub_db)
        backend_url = str(stub.url)
    try:
        server = CounterServer(
            served_command(args, backend_url),
            line_command=line_command(args, backend_url),
            line_by_default=args.plain,
            host=args.host,
            port=args.port,
            public_url=args.public_url.rstrip("/") if args.public_url else None,
            lang=lang,
            max_sessions=args.max_sessions,
            secret=secret,
        )
        server.serve()
    finally:
        if stub is not None:
            stub.stop()
    return 0


def main(argv: Sequence[str] = ()) -> int:
    return run(build_parser().parse_args(list(argv)))
