"""Write ``flows/flow.schema.json``, the JSON schema of the flow scripts (caf_tui/replay).

Run it after changing ``caf_tui/replay/flow.py``; tests/replay/test_flow.py fails until then.
"""

from __future__ import annotations

from pathlib import Path

from caf_tui.replay.flow import schema_text

SCHEMA = Path(__file__).resolve().parent.parent / "flows" / "flow.schema.json"


def main() -> None:
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA}")


if __name__ == "__main__":
    main()
