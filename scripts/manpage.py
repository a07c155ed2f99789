"""Write the man pages (docs/man/caf-tui.1, docs/man/caf-stub.1) from the parsers.

    python scripts/manpage.py          # write them
    python scripts/manpage.py --check  # exit 1 if a committed page is out of step

Read one with ``man -l docs/man/caf-tui.1``; install with ``install -m 644 docs/man/*.1
~/.local/share/man/man1/``.
"""

from __future__ import annotations

import sys

from caf_tui.manpage import pages


def main(argv: list[str]) -> int:
    stale = []
    for path, text in pages().items():
        if "--check" in argv:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    for path in stale:
        print(f"out of step: {path} (run python scripts/manpage.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
