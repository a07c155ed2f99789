"""Write the API contract, as FastAPI publishes it from caf_tui.api, into openapi.json.

python scripts/export_openapi.py          # rewrite openapi.json
python scripts/export_openapi.py --check  # exit 1 when openapi.json differs from the code
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

OPENAPI_FILE = Path(__file__).resolve().parents[1] / "openapi.json"


def render() -> str:
    from caf_stub.app import create_app
    from caf_stub.settings import StubSettings

    document = create_app(StubSettings(db=":memory:")).openapi()
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    current = render()
    if args.check:
        if not OPENAPI_FILE.exists() or OPENAPI_FILE.read_text(encoding="utf-8") != current:
            print("openapi.json is out of date: run python scripts/export_openapi.py")
            return 1
        return 0
    OPENAPI_FILE.write_text(current, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
