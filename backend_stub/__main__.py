"""``caf-stub``: run the stub portal in the foreground."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from backend_stub.personas import HOUSEHOLDS
from backend_stub.server import serve_foreground, settings_for_host, url_for
from backend_stub.settings import StubSettings, control_api_enabled, is_loopback


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="caf-stub",
        description="Simulated CAF « Mon Compte » portal, offline, with demo personas.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8800, help="port (default 8800)")
    parser.add_argument("--db", help="SQLite file, or :memory: (default: user data dir)")
    parser.add_argument("--fixed-code", help="every verification code is this 6-digit value")
    parser.add_argument("--frozen", action="store_true", help="the clock moves only when told")
    parser.add_argument(
        "--start-time", type=datetime.fromisoformat, help="the clock's time at start (ISO 8601)"
    )
    parser.add_argument(
        "--enable-control",
        action="store_true",
        help="serve the /_stub QA routes even beyond the loopback",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        help="trust X-Forwarded-For from these proxy addresses (comma-separated; default: none)",
    )
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace) -> StubSettings:
    overrides: dict[str, Any] = {}
    if args.db:
        overrides["db"] = args.db
    if args.fixed_code:
        overrides["fixed_code"] = args.fixed_code
    if args.frozen:
        overrides["frozen"] = True
    if args.start_time:
        overrides["start_time"] = args.start_time
    if args.enable_control:
        overrides["control_api"] = True
    if args.forwarded_allow_ips:
        overrides["forwarded_allow_ips"] = args.forwarded_allow_ips
    return settings_for_host(StubSettings(**overrides), args.host)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = settings_from(args)
    url = settings.public_url or url_for(args.host, args.port)
    control = control_api_enabled(settings, args.host)
    print(f"Portail CAF simulé : {url}  (base de données : {settings.db})", file=sys.stderr)
    print(
        "Routes de contrôle /_stub : " + ("activées" if control else "désactivées"),
        file=sys.stderr,
    )
    if control and not is_loopback(args.host):
        print("Attention : /_stub est joignable au-delà de cette machine.", file=sys.stderr)
    for household in HOUSEHOLDS:
        for persona in household.members:
            if persona.password:
                print(
                    f"  {persona.given_names} {persona.family_name} : {persona.identifier}",
                    file=sys.stderr,
                )
    serve_foreground(settings, args.host, args.port)  # access log redacted, public URL fixed
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
