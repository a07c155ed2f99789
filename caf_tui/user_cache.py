"""caf-tui's cache directory (``~/.cache/caf-tui`` on Linux) and how a file is put there: what
a start computed once for the next ones (compiled catalogs, validated settings, parsed styles).
Nothing there is needed: a missing, unreadable or read-only cache only makes a start slower."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def user_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("caf-tui"))


def write_whole(target: Path, data: bytes) -> None:
    """Put ``data`` at ``target``, best effort (a read-only home, a full disk: not kept).

    Written whole then renamed: two starts at once never read half a file."""
    import tempfile

    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
